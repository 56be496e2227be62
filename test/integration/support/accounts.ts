import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { TestService } from './test-service.js';

/** Meets the default policy (15+ characters) and contains no e-mail made by uniqueEmail(). */
export const TEST_PASSWORD = 'correct horse battery staple';

/** The public view of an account, as register and GET /users/me answer it. */
export interface UserBody {
  readonly id: string;
  readonly email: string;
  readonly emailVerified: boolean;
  readonly createdAt: string;
}

/** RFC 6749 §5.1 token response, as POST /auth/login answers it. */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in: number;
  readonly refresh_token: string;
}

/** The token response of a fresh login, with the account and password it was made for. */
export type LoggedIn = TokenResponse & { readonly user: UserBody; readonly password: string };

/** An address no other test uses, so that suites may share a service. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.com`;
}

/** Registers an account and logs in once; fails the test if either step is refused. */
export async function registerAndLogin(t: TestService, email = uniqueEmail(), password = TEST_PASSWORD): Promise<LoggedIn> {
  const registered = await t.http().post('/auth/register').send({ email, password });
  expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
  const login = await t.http().post('/auth/login').send({ email, password });
  expect(login.status, JSON.stringify(login.body)).to.equal(200);
  return { ...(login.body as TokenResponse), user: registered.body as UserBody, password };
}
