import { randomInt } from 'node:crypto';
import type { Response } from 'supertest';
import { TEST_PASSWORD, uniqueEmail } from './accounts.js';
import type { TestService } from './test-service.js';

/**
 * An address from 10.0.0.0/8 no other test uses. Counts kept in Redis outlive a test run, so
 * tests on Redis send one of these (X-Forwarded-For, with TRUST_PROXY=true) rather than share
 * 127.0.0.1's count with every other run.
 */
export function uniqueAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** Request headers that make a TRUST_PROXY=true service see the call as coming from `ip`. */
export function fromAddress(ip: string | null): Record<string, string> {
  return ip === null ? {} : { 'X-Forwarded-For': ip };
}

/** POST /auth/login, optionally from an address (see fromAddress). */
export function attemptLogin(t: TestService, email: string, password: string, ip: string | null = null): Promise<Response> {
  return t.http().post('/auth/login').set(fromAddress(ip)).send({ email, password });
}

/** Registers an account (from an address, if given) and fails unless it is created. */
export async function registerFrom(t: TestService, ip: string | null, email = uniqueEmail(), password = TEST_PASSWORD): Promise<string> {
  const res = await t.http().post('/auth/register').set(fromAddress(ip)).send({ email, password });
  if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
  return email;
}

/** How many answers had each status, e.g. { 401: 3, 429: 7 }. */
export function statusCounts(responses: readonly Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const res of responses) counts[res.status] = (counts[res.status] ?? 0) + 1;
  return counts;
}
