import type { Response } from 'supertest';
import { uniqueEmail } from './accounts.js';
import { fromAddress } from './client-address.js';
import { inFlight } from './in-flight.js';
import type { TestService } from './test-service.js';

/** One answer of a flood test, in the order answers came back. */
export interface Answered {
  readonly who: 'flood' | 'other';
  readonly res: Response;
}

/**
 * Logins sent at once, each answer appended to `answered` as it arrives: `flood(n, ip)` sends
 * n wrong logins for unknown addresses, one each (no account's failure limit cuts the flood
 * short), and `other(email, password, ip)` the login to watch.
 */
export function loginSender(t: TestService, answered: Answered[]) {
  const send = (who: Answered['who'], body: object, ip: string) =>
    inFlight(t.http().post('/auth/login').set(fromAddress(ip)).send(body)).then((res) => {
      answered.push({ who, res });
    });
  return {
    flood: (count: number, ip: string) => Array.from({ length: count }, () => send('flood', { email: uniqueEmail('flood'), password: 'wrong password, guessed' }, ip)),
    other: (email: string, password: string, ip: string) => send('other', { email, password }, ip),
  };
}
