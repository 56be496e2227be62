import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { registerAndLogin } from '../support/accounts.js';
import { expectProblem, fieldErrorsOf } from '../support/problems.js';
import { logout, refresh, sessionIdOf, withBearer } from '../support/session-flow.js';
import { familyRow } from '../support/session-rows.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

describe(`POST /auth/logout (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('answers 204 with no body and revokes the family', async () => {
    const session = await registerAndLogin(t);
    const res = await logout(t, session.refresh_token);
    expect(res.status).to.equal(204);
    expect(res.text).to.equal('');
    expect((await familyRow(t, sessionIdOf(session.access_token))).revoked_at).not.to.equal(null);
  });

  it('makes the logged-out refresh token answer 401 at refresh', async () => {
    const session = await registerAndLogin(t);
    await logout(t, session.refresh_token);
    expectProblem(await refresh(t, session.refresh_token), 401);
  });

  it('makes the access token of that session answer 401 at once', async () => {
    const session = await registerAndLogin(t);
    await logout(t, session.refresh_token);
    expectProblem(await withBearer(t, session.access_token), 401);
  });

  it('ends the session of a rotated token, the whole family', async () => {
    const session = await registerAndLogin(t);
    const next = (await refresh(t, session.refresh_token)).body;
    expect((await logout(t, next.refresh_token)).status).to.equal(204);
    expectProblem(await withBearer(t, next.access_token), 401);
    expectProblem(await refresh(t, next.refresh_token), 401);
  });

  it('leaves the user’s other sessions alone', async () => {
    const session = await registerAndLogin(t);
    const other = await t.http().post('/auth/login').send({ email: session.user.email, password: session.password });
    await logout(t, session.refresh_token);
    expect((await withBearer(t, other.body.access_token)).status).to.equal(200);
    expect((await refresh(t, other.body.refresh_token)).status).to.equal(200);
  });

  it('answers 401 to a stolen (already rotated) token, still ending the family as theft', async () => {
    const session = await registerAndLogin(t);
    const next = (await refresh(t, session.refresh_token)).body;
    await refresh(t, next.refresh_token).then((res) => expect(res.status).to.equal(200));
    expectProblem(await logout(t, session.refresh_token), 401);
    expect((await familyRow(t, sessionIdOf(session.access_token))).revoked_at).not.to.equal(null);
    expect(t.logs.entries.filter((entry) => entry.event === 'refresh_token_reuse' && entry.userId === session.user.id)).to.have.length(1);
  });

  it('answers an unknown token with 401', async () => {
    expectProblem(await logout(t, randomBytes(32).toString('base64url')), 401);
  });

  it('answers a second logout with the same token with 401', async () => {
    const session = await registerAndLogin(t);
    await logout(t, session.refresh_token);
    expectProblem(await logout(t, session.refresh_token), 401);
  });

  it('answers 422 for a body without refreshToken', async () => {
    fieldErrorsOf(await t.http().post('/auth/logout').send({}));
  });
});
