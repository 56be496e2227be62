import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { registerAndLogin } from '../support/accounts.js';
import { expectProblem, fieldErrorsOf } from '../support/problems.js';
import { problemWithoutRequestId, refresh, sessionIdOf } from '../support/session-flow.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

describe(`POST /auth/refresh refusals (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('answers unknown, malformed and expired tokens with one and the same 401 problem', async () => {
    const session = await registerAndLogin(t);
    await t.query('UPDATE refresh_tokens SET expires_at = ? WHERE session_id = ?', [Date.now() - 1000, sessionIdOf(session.access_token)]);
    const unknown = await refresh(t, randomBytes(32).toString('base64url'));
    const malformed = await refresh(t, 'not a token: %%% ☃');
    const expired = await refresh(t, session.refresh_token);
    for (const res of [unknown, malformed, expired]) expectProblem(res, 401);
    expect(problemWithoutRequestId(malformed)).to.deep.equal(problemWithoutRequestId(unknown));
    expect(problemWithoutRequestId(expired)).to.deep.equal(problemWithoutRequestId(unknown));
    expect(malformed.headers['www-authenticate']).to.equal(unknown.headers['www-authenticate']);
    expect(expired.headers['www-authenticate']).to.equal(unknown.headers['www-authenticate']);
  });

  it('spends nothing when it refuses an expired token', async () => {
    const session = await registerAndLogin(t);
    const sid = sessionIdOf(session.access_token);
    await t.query('UPDATE refresh_tokens SET expires_at = ? WHERE session_id = ?', [Date.now() - 1000, sid]);
    expectProblem(await refresh(t, session.refresh_token), 401);
    const rows = await t.query<{ spent_at: unknown }>('SELECT spent_at FROM refresh_tokens WHERE session_id = ?', [sid]);
    expect(rows).to.deep.equal([{ spent_at: null }]);
  });

  it('answers 422 with pointer /refreshToken when the token is missing', async () => {
    const res = await t.http().post('/auth/refresh').send({});
    expect(fieldErrorsOf(res).map((error) => error.split(' ')[0])).to.deep.equal(['/refreshToken']);
  });

  it('answers 422 for an unknown property beside a valid token, and spends nothing', async () => {
    const session = await registerAndLogin(t);
    const res = await t.http().post('/auth/refresh').send({ refreshToken: session.refresh_token, scope: 'admin' });
    expect(fieldErrorsOf(res)).to.have.length.greaterThan(0);
    expect((await refresh(t, session.refresh_token)).status).to.equal(200);
  });

  it('answers 422 when the token is not a string', async () => {
    fieldErrorsOf(await t.http().post('/auth/refresh').send({ refreshToken: 42 }));
  });
});

describe(`POST /auth/refresh past SESSION_MAX_AGE (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ SESSION_MAX_AGE: '1m' });
  });
  after(async () => {
    await t?.stop();
  });

  it('starts the family with an end SESSION_MAX_AGE after the login', async () => {
    const session = await registerAndLogin(t);
    const [row] = await t.query<{ created_at: unknown; expires_at: unknown }>('SELECT created_at, expires_at FROM sessions WHERE id = ?', [
      sessionIdOf(session.access_token),
    ]);
    expect(Number(row!.expires_at) - Number(row!.created_at)).to.equal(60_000);
  });

  it('refuses a refresh once the family has passed its maximum age, though the token is fresh', async () => {
    const session = await registerAndLogin(t);
    await t.query('UPDATE sessions SET expires_at = ? WHERE id = ?', [Date.now() - 1000, sessionIdOf(session.access_token)]);
    expectProblem(await refresh(t, session.refresh_token), 401);
  });

  it('never lets a rotated token outlive its family', async () => {
    const session = await registerAndLogin(t);
    const sid = sessionIdOf(session.access_token);
    const res = await refresh(t, session.refresh_token);
    expect(res.status).to.equal(200);
    const [row] = await t.query<{ latest: unknown; family_end: unknown }>(
      `SELECT MAX(t.expires_at) AS latest, s.expires_at AS family_end FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE t.session_id = ? AND t.spent_at IS NULL GROUP BY s.expires_at`,
      [sid],
    );
    expect(Number(row!.latest)).to.be.at.most(Number(row!.family_end));
  });
});
