import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail, type LoggedIn, type TokenResponse, type UserBody } from '../support/accounts.js';
import { expectProblem, JSON_UTF8 } from '../support/problems.js';
import { refresh, sessionIdOf, withBearer } from '../support/session-flow.js';
import { familyRow } from '../support/session-rows.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const PHONE = 'Phone/1.0 (test)';
const LAPTOP = 'Laptop/2.0 (test)';

interface SessionBody {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

describe(`GET and DELETE /users/me/sessions (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  /** An account logged in twice, each time with its own User-Agent: [phone, laptop]. */
  async function twoDevices(): Promise<[LoggedIn, LoggedIn]> {
    const email = uniqueEmail();
    const user = (await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD }).expect(201)).body as UserBody;
    const loginWith = async (userAgent: string): Promise<LoggedIn> => {
      const res = await t.http().post('/auth/login').set('User-Agent', userAgent).send({ email, password: TEST_PASSWORD });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return { ...(res.body as TokenResponse), user, password: TEST_PASSWORD };
    };
    return [await loginWith(PHONE), await loginWith(LAPTOP)];
  }

  const list = async (accessToken: string): Promise<SessionBody[]> => {
    const res = await withBearer(t, accessToken, '/users/me/sessions');
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.headers['content-type']).to.equal(JSON_UTF8);
    return res.body as SessionBody[];
  };
  const revoke = (accessToken: string, id: string) =>
    t.http().delete(`/users/me/sessions/${id}`).set('Authorization', `Bearer ${accessToken}`);

  it('lists both sessions with their user agents, exactly one marked current', async () => {
    const [phone, laptop] = await twoDevices();
    const sessions = await list(laptop.access_token);
    expect(sessions).to.have.length(2);
    for (const s of sessions) expect(s).to.have.all.keys('id', 'createdAt', 'lastUsedAt', 'userAgent', 'ip', 'current');
    expect(sessions.map((s) => s.userAgent).sort()).to.deep.equal([LAPTOP, PHONE]);
    expect(sessions.filter((s) => s.current).map((s) => s.id)).to.deep.equal([sessionIdOf(laptop.access_token)]);
    expect(sessions.map((s) => s.id)).to.include(sessionIdOf(phone.access_token));
  });

  it('gives ISO times and the client address of each session', async () => {
    const [, laptop] = await twoDevices();
    for (const s of await list(laptop.access_token)) {
      expect(new Date(s.createdAt).toISOString()).to.equal(s.createdAt);
      expect(new Date(s.lastUsedAt).toISOString()).to.equal(s.lastUsedAt);
      expect(s.ip).to.match(/127\.0\.0\.1$/);
    }
  });

  it('ends one session with 204: it leaves the list and its tokens answer 401', async () => {
    const [phone, laptop] = await twoDevices();
    const phoneId = sessionIdOf(phone.access_token);
    const res = await revoke(laptop.access_token, phoneId);
    expect(res.status, JSON.stringify(res.body)).to.equal(204);
    expect((await list(laptop.access_token)).map((s) => s.id)).to.deep.equal([sessionIdOf(laptop.access_token)]);
    expect((await familyRow(t, phoneId)).revoked_at).not.to.equal(null);
    expectProblem(await refresh(t, phone.refresh_token), 401);
    expectProblem(await withBearer(t, phone.access_token), 401);
  });

  it('answers 404 for another user’s session id, which goes on working', async () => {
    const [, mine] = await twoDevices();
    const theirs = await registerAndLogin(t);
    expectProblem(await revoke(mine.access_token, sessionIdOf(theirs.access_token)), 404);
    expect((await familyRow(t, sessionIdOf(theirs.access_token))).revoked_at).to.equal(null);
    expect((await refresh(t, theirs.refresh_token)).status).to.equal(200);
  });

  it('answers 404 for an id that is no session at all', async () => {
    const session = await registerAndLogin(t);
    expectProblem(await revoke(session.access_token, randomUUID()), 404);
  });

  it('answers 404 for one of the caller’s sessions that has already ended', async () => {
    const [phone, laptop] = await twoDevices();
    await revoke(laptop.access_token, sessionIdOf(phone.access_token)).expect(204);
    expectProblem(await revoke(laptop.access_token, sessionIdOf(phone.access_token)), 404);
  });

  it('refuses the caller’s own access token once it has ended its own session', async () => {
    const [, laptop] = await twoDevices();
    await revoke(laptop.access_token, sessionIdOf(laptop.access_token)).expect(204);
    expectProblem(await withBearer(t, laptop.access_token, '/users/me/sessions'), 401);
  });

  it('lists neither a logged-out session nor one whose refresh tokens have all expired', async () => {
    const [phone, laptop] = await twoDevices();
    const third = await t.http().post('/auth/login').send({ email: phone.user.email, password: phone.password });
    await t.http().post('/auth/logout').send({ refreshToken: phone.refresh_token }).expect(204);
    await t.query('UPDATE refresh_tokens SET expires_at = ? WHERE session_id = ?', [Date.now() - 1000, sessionIdOf(third.body.access_token)]);
    expect((await list(laptop.access_token)).map((s) => s.id)).to.deep.equal([sessionIdOf(laptop.access_token)]);
  });

  it('treats a session whose refresh tokens have all expired (idled out) as ended: unlisted, 404 to DELETE, 401 to its access token', async () => {
    const [phone, laptop] = await twoDevices();
    const phoneId = sessionIdOf(phone.access_token);
    await t.query('UPDATE refresh_tokens SET expires_at = ? WHERE session_id = ?', [Date.now() - 1000, phoneId]);
    expect((await list(laptop.access_token)).map((s) => s.id)).not.to.include(phoneId);
    expectProblem(await revoke(laptop.access_token, phoneId), 404);
    expectProblem(await withBearer(t, phone.access_token), 401);
  });

  it('lists the most recently used session first', async () => {
    const [phone, laptop] = await twoDevices();
    // Both a minute older, so that the order cannot come from the logins' own times.
    await t.query('UPDATE sessions SET last_used_at = last_used_at - 60000 WHERE user_id = ?', [phone.user.id]);
    const used = await refresh(t, phone.refresh_token, { 'User-Agent': PHONE });
    expect(used.status).to.equal(200);
    expect((await list(laptop.access_token)).map((s) => s.userAgent)).to.deep.equal([PHONE, LAPTOP]);
  });

  it('answers 404 for an id longer than any session id', async () => {
    const session = await registerAndLogin(t);
    expectProblem(await revoke(session.access_token, 'x'.repeat(300)), 404);
  });

  it('answers 401 without a bearer token', async () => {
    expectProblem(await t.http().get('/users/me/sessions'), 401);
    expectProblem(await t.http().delete(`/users/me/sessions/${randomUUID()}`), 401);
  });
});
