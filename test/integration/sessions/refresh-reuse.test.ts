import { expect } from 'chai';
import { registerAndLogin, type LoggedIn } from '../support/accounts.js';
import type { LogEntry } from '../support/log-capture.js';
import { expectProblem } from '../support/problems.js';
import { refresh, sessionIdOf, withBearer } from '../support/session-flow.js';
import { familyRow } from '../support/session-rows.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const WARN = 40;
const reuseLines = (t: TestService, sessionId: string): LogEntry[] =>
  t.logs.entries.filter((entry) => entry.event === 'refresh_token_reuse' && entry.sessionId === sessionId);

describe(`POST /auth/refresh reuse of a spent token (${databaseKind()})`, () => {
  let t: TestService;
  let session: LoggedIn;
  let sid: string;
  let successor: string;
  let third: string;
  let reuse: Awaited<ReturnType<typeof refresh>>;
  // A -> B -> C, then A again: its successor B was used, so A is stolen, not retried.
  before(async () => {
    t = await startTestService();
    session = await registerAndLogin(t);
    sid = sessionIdOf(session.access_token);
    successor = (await refresh(t, session.refresh_token)).body.refresh_token;
    third = (await refresh(t, successor)).body.refresh_token;
    reuse = await refresh(t, session.refresh_token);
  });
  after(async () => {
    await t?.stop();
  });

  it('refuses the spent token with a 401 problem', () => {
    expectProblem(reuse, 401);
  });

  it('revokes the whole family (sessions.revoked_at is set)', async () => {
    expect((await familyRow(t, sid)).revoked_at).not.to.equal(null);
  });

  it('refuses the newest token of the family too', async () => {
    expectProblem(await refresh(t, third), 401);
  });

  it('refuses the access tokens of that session on /users/me', async () => {
    const res = await withBearer(t, session.access_token);
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).to.equal('Bearer error="invalid_token"');
  });

  it('logs one warn line with event refresh_token_reuse for the session, holding no token', () => {
    const lines = reuseLines(t, sid);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include({ level: WARN, userId: session.user.id });
    for (const token of [session.refresh_token, successor, third, session.access_token]) {
      expect(t.logs.text()).not.to.include(token);
    }
  });
});

describe(`POST /auth/refresh after the grace period (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('treats a retry 11 s after the spend (grace 10 s) as theft, though the successor is unused', async () => {
    const session = await registerAndLogin(t);
    const sid = sessionIdOf(session.access_token);
    const first = await refresh(t, session.refresh_token);
    // Back-date the spend instead of waiting: the judgement reads spent_at against the clock.
    await t.query('UPDATE refresh_tokens SET spent_at = spent_at - 11000 WHERE session_id = ? AND spent_at IS NOT NULL', [sid]);
    expectProblem(await refresh(t, session.refresh_token), 401);
    expect((await familyRow(t, sid)).revoked_at).not.to.equal(null);
    expectProblem(await refresh(t, first.body.refresh_token), 401);
    expect(reuseLines(t, sid)).to.have.length(1);
  });
});

describe(`POST /auth/refresh with REFRESH_REUSE_GRACE=0 (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ REFRESH_REUSE_GRACE: '0' });
  });
  after(async () => {
    await t?.stop();
  });

  it('treats a second presentation at once as theft: 401, family revoked, successor refused, logged', async () => {
    const session = await registerAndLogin(t);
    const sid = sessionIdOf(session.access_token);
    const first = await refresh(t, session.refresh_token);
    expect(first.status).to.equal(200);
    expectProblem(await refresh(t, session.refresh_token), 401);
    expect((await familyRow(t, sid)).revoked_at).not.to.equal(null);
    expectProblem(await refresh(t, first.body.refresh_token), 401);
    expect(reuseLines(t, sid)).to.have.length(1);
  });
});
