import { expect } from 'chai';
import { registerAndLogin } from '../support/accounts.js';
import { JSON_UTF8 } from '../support/problems.js';
import { refresh, sessionIdOf, sha256Hex, withBearer } from '../support/session-flow.js';
import { familyRow, sessionTablesText, tokenRowByHash, tokenRowsOf } from '../support/session-rows.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

describe(`POST /auth/refresh rotation (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('answers 200 with a new RFC 6749 token pair of the same session, marked no-store', async () => {
    const session = await registerAndLogin(t);
    const res = await refresh(t, session.refresh_token);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.headers['content-type']).to.equal(JSON_UTF8);
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.body).to.have.all.keys('access_token', 'token_type', 'expires_in', 'refresh_token');
    expect(res.body).to.include({ token_type: 'Bearer', expires_in: 900 });
    expect(res.body.refresh_token).to.match(/^[A-Za-z0-9_-]{43,}$/).and.not.equal(session.refresh_token);
    expect(sessionIdOf(res.body.access_token)).to.equal(sessionIdOf(session.access_token));
  });

  it('marks the presented token spent and stores its successor, unspent, in the same family', async () => {
    const session = await registerAndLogin(t);
    const sid = sessionIdOf(session.access_token);
    const res = await refresh(t, session.refresh_token);
    expect(res.status).to.equal(200);
    const old = await tokenRowByHash(t, sha256Hex(session.refresh_token));
    expect(old?.spent_at, 'spent_at of the presented token').not.to.equal(null);
    const successor = await tokenRowByHash(t, sha256Hex(res.body.refresh_token));
    expect(successor).to.include({ session_id: sid, spent_at: null });
    expect(await tokenRowsOf(t, sid)).to.have.length(2);
    expect((await familyRow(t, sid)).revoked_at).to.equal(null);
  });

  it('keeps only SHA-256 hex hashes: neither token appears in the database', async () => {
    const session = await registerAndLogin(t);
    const res = await refresh(t, session.refresh_token);
    const rows = await tokenRowsOf(t, sessionIdOf(session.access_token));
    for (const row of rows) expect(row.token_hash).to.match(/^[0-9a-f]{64}$/);
    const stored = await sessionTablesText(t);
    expect(stored).not.to.include(session.refresh_token);
    expect(stored).not.to.include(res.body.refresh_token);
  });

  it('answers a new access token that /users/me accepts', async () => {
    const session = await registerAndLogin(t);
    const res = await refresh(t, session.refresh_token);
    const me = await withBearer(t, res.body.access_token);
    expect(me.status, JSON.stringify(me.body)).to.equal(200);
    expect(me.body).to.include({ id: session.user.id, email: session.user.email });
  });

  it('records when the session was last used', async () => {
    const session = await registerAndLogin(t);
    const sid = sessionIdOf(session.access_token);
    await t.query('UPDATE sessions SET last_used_at = last_used_at - 60000 WHERE id = ?', [sid]);
    const before = Number((await familyRow(t, sid)).last_used_at);
    await refresh(t, session.refresh_token).then((res) => expect(res.status).to.equal(200));
    expect(Number((await familyRow(t, sid)).last_used_at)).to.be.greaterThan(before);
  });

  it('answers the same successor again to a retry within the grace period, leaving the family alone', async () => {
    const session = await registerAndLogin(t);
    const sid = sessionIdOf(session.access_token);
    const first = await refresh(t, session.refresh_token);
    const familyBefore = await familyRow(t, sid);
    const tokensBefore = await tokenRowsOf(t, sid);
    const retry = await refresh(t, session.refresh_token);
    expect(retry.status, JSON.stringify(retry.body)).to.equal(200);
    expect(retry.headers['cache-control']).to.equal('no-store');
    expect(retry.body.refresh_token).to.equal(first.body.refresh_token);
    expect(await familyRow(t, sid)).to.deep.equal(familyBefore);
    expect(await tokenRowsOf(t, sid)).to.deep.equal(tokensBefore);
  });

  it('answers a retry with a fresh access token that works, and the successor still rotates', async () => {
    const session = await registerAndLogin(t);
    const first = await refresh(t, session.refresh_token);
    const retry = await refresh(t, session.refresh_token);
    expect((await withBearer(t, retry.body.access_token)).status).to.equal(200);
    const next = await refresh(t, first.body.refresh_token);
    expect(next.status, JSON.stringify(next.body)).to.equal(200);
    expect(next.body.refresh_token).not.to.equal(first.body.refresh_token);
  });
});
