import { expect } from 'chai';
import { registerAndLogin, type LoggedIn } from '../support/accounts.js';
import { decodeAccessToken } from '../support/access-tokens.js';
import { expectProblem, fieldErrorsOf } from '../support/problems.js';
import { refresh, withBearer } from '../support/session-flow.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const NEW_PASSWORD = 'a brand new passphrase for the account';

describe(`PUT /users/me/password (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  const change = (session: LoggedIn, body: object) =>
    t.http().put('/users/me/password').set('Authorization', `Bearer ${session.access_token}`).send(body);
  const login = (session: LoggedIn, password: string) => t.http().post('/auth/login').send({ email: session.user.email, password });
  const revokedAtOf = (userId: string) => t.query<{ revoked_at: unknown }>('SELECT revoked_at FROM sessions WHERE user_id = ?', [userId]);

  it('answers 204 with no body', async () => {
    const session = await registerAndLogin(t);
    const res = await change(session, { currentPassword: session.password, newPassword: NEW_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).to.equal(204);
    expect(res.text).to.equal('');
  });

  it('revokes every session of the user: all their refresh tokens answer 401', async () => {
    const session = await registerAndLogin(t);
    const other = (await login(session, session.password)).body;
    await change(session, { currentPassword: session.password, newPassword: NEW_PASSWORD }).expect(204);
    expectProblem(await refresh(t, session.refresh_token), 401);
    expectProblem(await refresh(t, other.refresh_token), 401);
    for (const row of await revokedAtOf(session.user.id)) expect(row.revoked_at).not.to.equal(null);
  });

  it('refuses the access token used for the change, and those of other sessions', async () => {
    const session = await registerAndLogin(t);
    const other = (await login(session, session.password)).body;
    await change(session, { currentPassword: session.password, newPassword: NEW_PASSWORD }).expect(204);
    expectProblem(await withBearer(t, session.access_token), 401);
    expectProblem(await withBearer(t, other.access_token), 401);
  });

  it('refuses the old password at login with 401 and accepts the new one', async () => {
    const session = await registerAndLogin(t);
    await change(session, { currentPassword: session.password, newPassword: NEW_PASSWORD }).expect(204);
    expectProblem(await login(session, session.password), 401);
    expect((await login(session, NEW_PASSWORD)).status).to.equal(200);
  });

  it('accepts the token of a login made right after the change (the same second) on /users/me', async () => {
    const session = await registerAndLogin(t);
    await change(session, { currentPassword: session.password, newPassword: NEW_PASSWORD }).expect(204);
    const fresh = await login(session, NEW_PASSWORD);
    const me = await withBearer(t, fresh.body.access_token);
    expect(me.status, JSON.stringify(me.body)).to.equal(200);
    expect((await refresh(t, fresh.body.refresh_token)).status).to.equal(200);
  });

  it('accepts the token of a login after the change even when the change is recorded at the last millisecond of its iat', async () => {
    const session = await registerAndLogin(t);
    await change(session, { currentPassword: session.password, newPassword: NEW_PASSWORD }).expect(204);
    const fresh = (await login(session, NEW_PASSWORD)).body;
    // iat is whole seconds: within its second the change and the login cannot be told apart by
    // time, only by the session (the change ended the old ones; this one began after it).
    const iat = Number(decodeAccessToken(fresh.access_token).claims.iat);
    await t.query('UPDATE users SET password_changed_at = ? WHERE id = ?', [Math.floor(iat) * 1000 + 999, session.user.id]);
    const me = await withBearer(t, fresh.access_token);
    expect(me.status, JSON.stringify(me.body)).to.equal(200);
  });

  it('answers 401 for a wrong current password, and changes nothing', async () => {
    const session = await registerAndLogin(t);
    expectProblem(await change(session, { currentPassword: 'not the password at all, sorry', newPassword: NEW_PASSWORD }), 401);
    expect((await withBearer(t, session.access_token)).status).to.equal(200);
    expect((await login(session, session.password)).status).to.equal(200);
    for (const row of await revokedAtOf(session.user.id)) expect(row.revoked_at).to.equal(null);
  });

  it('answers 422 with pointer /newPassword for a new password against the policy, and changes nothing', async () => {
    const session = await registerAndLogin(t);
    const res = await change(session, { currentPassword: session.password, newPassword: 'tiny kiwi' });
    expect(fieldErrorsOf(res).map((error) => error.split(' ')[0])).to.deep.equal(['/newPassword']);
    expect((await withBearer(t, session.access_token)).status).to.equal(200);
    expect((await login(session, session.password)).status).to.equal(200);
  });

  it('answers 422 for a body without currentPassword', async () => {
    const session = await registerAndLogin(t);
    const res = await change(session, { newPassword: NEW_PASSWORD });
    expect(fieldErrorsOf(res).map((error) => error.split(' ')[0])).to.include('/currentPassword');
  });

  it('answers 401 without a bearer token', async () => {
    expectProblem(await t.http().put('/users/me/password').send({ currentPassword: 'x', newPassword: NEW_PASSWORD }), 401);
  });
});
