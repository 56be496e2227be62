import { expect } from 'chai';
import type { Response } from 'supertest';
import { registerAndLogin, uniqueEmail } from './support/accounts.js';
import { expectProblem, fieldErrorsOf } from './support/problems.js';
import { countRows } from './support/rows.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

/** The body as sent, with what legitimately differs per request (its id) blanked out. */
function comparable(res: Response): string {
  return res.text.replace(JSON.stringify(res.body.requestId), '"<request id>"');
}

describe(`POST /auth/login refusals (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('refuses a wrong password with 401 problem+json and starts no session', async () => {
    const session = await registerAndLogin(t);
    const before = await countRows(t, 'sessions');
    const res = await t.http().post('/auth/login').send({ email: session.user.email, password: `${session.password}!` });
    expectProblem(res, 401);
    expect(res.headers['cache-control']).not.to.equal('no-store');
    expect(await countRows(t, 'sessions')).to.equal(before);
  });

  it('answers an unknown e-mail and a wrong password with the same status, headers and body', async () => {
    const session = await registerAndLogin(t);
    const wrongPassword = await t.http().post('/auth/login').send({ email: session.user.email, password: 'not the right password at all' });
    const unknownEmail = await t.http().post('/auth/login').send({ email: uniqueEmail('nobody'), password: 'not the right password at all' });
    expectProblem(wrongPassword, 401);
    expectProblem(unknownEmail, 401);
    expect(comparable(unknownEmail)).to.equal(comparable(wrongPassword));
    const { 'x-request-id': _a, date: _b, ...wrongHeaders } = wrongPassword.headers;
    const { 'x-request-id': _c, date: _d, ...unknownHeaders } = unknownEmail.headers;
    expect(unknownHeaders).to.deep.equal(wrongHeaders);
  });

  it('refuses a password that bcrypt would truncate, even when its first 72 bytes are right', async () => {
    const password = 'the quick brown fox jumps over the lazy dog, pack my box with five dozen';
    const session = await registerAndLogin(t, uniqueEmail(), password);
    const res = await t.http().post('/auth/login').send({ email: session.user.email, password: `${password}extra` });
    expectProblem(res, 401);
  });

  it('refuses a body with an unknown property with 422', async () => {
    const res = await t.http().post('/auth/login').send({ email: uniqueEmail(), password: 'whatever it is here', remember: true });
    expect(fieldErrorsOf(res)).to.include('/remember unknown_property');
  });
});
