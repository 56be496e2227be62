import { expect } from 'chai';
import { Secret, TOTP } from 'otpauth';
import type { TestService } from './test-service.js';
import type { LoggedIn } from './accounts.js';

const PERIOD_MS = 30_000;

/**
 * What an authenticator app does with the secret it scanned: RFC 6238 codes (SHA-1, 6 digits,
 * 30 s), computed here with otpauth, not by the service. The service takes a code once and
 * never an earlier step, so `next()` hands out the current step's code, or the next step's (it
 * accepts one step ahead) once the current one is spent; past that it waits for the clock.
 */
export class Authenticator {
  private lastStep = Number.NEGATIVE_INFINITY;
  private readonly totp: TOTP;

  constructor(readonly secret: string) {
    this.totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  }

  /** The raw 20 bytes behind the base32 secret. */
  get secretBytes(): Buffer {
    return Buffer.from(Secret.fromBase32(this.secret).bytes);
  }

  async next(): Promise<string> {
    for (let waited = 0; waited <= 2; waited += 1) {
      const now = Math.floor(Date.now() / PERIOD_MS);
      const step = Math.max(now, this.lastStep + 1);
      if (step <= now + 1) {
        this.lastStep = step;
        return this.totp.generate({ timestamp: step * PERIOD_MS });
      }
      await new Promise((resolve) => setTimeout(resolve, (now + 1) * PERIOD_MS - Date.now() + 50));
    }
    throw new Error('no fresh TOTP step within a minute');
  }

  /** The code of a step this authenticator did not hand out: wrong for the service. */
  wrongCode(): string {
    const right = new Set([-1, 0, 1].map((offset) => this.totp.generate({ timestamp: Date.now() + offset * PERIOD_MS })));
    for (let n = 0; ; n += 1) {
      const code = String(n).padStart(6, '0');
      if (!right.has(code)) return code;
    }
  }
}

/** A logged-in account that has enrolled and confirmed an authenticator: its app and recovery codes. */
export interface TotpAccount extends LoggedIn {
  readonly app: Authenticator;
  readonly recoveryCodes: string[];
}

/** POST /users/me/mfa/totp and /confirm, as a user with an app would. */
export async function enableTotp(t: TestService, session: LoggedIn): Promise<TotpAccount> {
  const bearer = `Bearer ${session.access_token}`;
  const enrolled = await t.http().post('/users/me/mfa/totp').set('Authorization', bearer).send({ currentPassword: session.password });
  expect(enrolled.status, JSON.stringify(enrolled.body)).to.equal(201);
  const app = new Authenticator(enrolled.body.secret);
  const confirmed = await t.http().post('/users/me/mfa/totp/confirm').set('Authorization', bearer).send({ code: await app.next() });
  expect(confirmed.status, JSON.stringify(confirmed.body)).to.equal(200);
  return { ...session, app, recoveryCodes: confirmed.body.recoveryCodes };
}

/** POST /auth/login with the right password: the mfaToken of its 403. */
export async function mfaTokenOf(t: TestService, account: LoggedIn): Promise<string> {
  const res = await t.http().post('/auth/login').send({ email: account.user.email, password: account.password });
  expect(res.status, JSON.stringify(res.body)).to.equal(403);
  return res.body.mfaToken;
}
