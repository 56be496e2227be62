import { expect } from 'chai';
import type { Response } from 'supertest';
import type { LoggedIn } from '../support/accounts.js';
import { SoftwareAuthenticator, type CeremonyOverrides } from '../support/software-authenticator.js';
import type { TestService } from '../support/test-service.js';

/** The front end's origin the test services allow (WEBAUTHN_ORIGINS), on RP ID localhost. */
export const FRONT_END = 'http://localhost:5173';
export const PASSKEY_ENV = { WEBAUTHN_RP_ID: 'localhost', WEBAUTHN_ORIGINS: FRONT_END } as const;

export const bearer = (session: { access_token: string }) => `Bearer ${session.access_token}`;

export function registrationOptions(t: TestService, session: LoggedIn, body: object = { currentPassword: session.password }): Promise<Response> {
  return t.http().post('/users/me/passkeys/options').set('Authorization', bearer(session)).send(body);
}

/** Options, then the authenticator's response to them, posted: the answer to the second. */
export async function addPasskey(t: TestService, session: LoggedIn, authenticator: SoftwareAuthenticator, overrides: CeremonyOverrides = {}, name = 'test key'): Promise<Response> {
  const options = await registrationOptions(t, session);
  expect(options.status, JSON.stringify(options.body)).to.equal(200);
  return t.http().post('/users/me/passkeys').set('Authorization', bearer(session)).send({ name, response: authenticator.register(options.body, overrides) });
}

/** A new software passkey of the account, registered; fails the test if refused. */
export async function withPasskey(t: TestService, session: LoggedIn): Promise<SoftwareAuthenticator> {
  const authenticator = new SoftwareAuthenticator(FRONT_END);
  const added = await addPasskey(t, session, authenticator);
  expect(added.status, JSON.stringify(added.body)).to.equal(201);
  return authenticator;
}

export async function loginOptions(t: TestService): Promise<Record<string, unknown>> {
  const res = await t.http().post('/auth/passkey/options').send({});
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body;
}

export function passkeyLogin(t: TestService, response: object): Promise<Response> {
  return t.http().post('/auth/passkey/login').send({ response });
}
