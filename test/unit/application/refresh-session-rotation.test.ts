import { expect } from 'chai';
import type { RefreshSessionInput } from '../../../src/application/use-cases/refresh-session.js';
import { only } from '../support/only.js';
import {
  DAY_MS,
  MAX_AGE_MS,
  NOW,
  TTL_MS,
  at,
  refreshSession,
  sessionFixture,
  startSession,
  type SessionFixture,
} from '../support/session-fixture.js';

const input: RefreshSessionInput = { refreshToken: 'refresh-1', userAgent: 'Safari/18', ip: '198.51.100.9' };

describe('RefreshSession: rotation of a current token', () => {
  let f: SessionFixture;

  beforeEach(async () => {
    f = sessionFixture();
    await startSession(f.sessions);
  });

  it("answers the presented token's derived successor with an access token of the same session", async () => {
    expect(await refreshSession(f).execute(input)).to.deep.equal({
      accessToken: 'access-1:user-1:session-1',
      expiresIn: 900,
      refreshToken: f.deriver.successorOf('refresh-1'),
      userId: 'user-1',
    });
  });

  it("issues the access token with the session's amr and auth time: the login's, not the refresh's", async () => {
    f = sessionFixture();
    await startSession(f.sessions, { id: 'session-9', token: 'refresh-9', amr: ['pwd', 'otp', 'mfa'] });
    await refreshSession(f).execute({ ...input, refreshToken: 'refresh-9' });
    const { amr, authTime } = only(f.accessTokens.requests);
    expect([amr, authTime]).to.deep.equal([['pwd', 'otp', 'mfa'], at(-DAY_MS)]);
  });

  it('spends the presented token now', async () => {
    await refreshSession(f).execute(input);
    expect(f.sessions.tokenRecord('refresh-1')?.spentAt?.getTime()).to.equal(NOW.getTime());
  });

  it('leaves the successor as the one unspent token of the same family', async () => {
    const output = await refreshSession(f).execute(input);
    expect(only(f.sessions.unspentTokens('session-1', NOW)).tokenHash).to.equal(f.sessions.tokenRecord(output.refreshToken)?.tokenHash);
  });

  it('lets the successor expire after the refresh-token lifetime', async () => {
    const output = await refreshSession(f).execute(input);
    expect(f.sessions.tokenRecord(output.refreshToken)?.expiresAt.getTime()).to.equal(NOW.getTime() + TTL_MS);
  });

  it("never lets the successor outlive the family's maximum age", async () => {
    const lateFamily = sessionFixture();
    await startSession(lateFamily.sessions, { createdAt: at(DAY_MS - MAX_AGE_MS), tokenExpiresAt: at(DAY_MS) });
    const output = await refreshSession(lateFamily).execute(input);
    expect(lateFamily.sessions.tokenRecord(output.refreshToken)?.expiresAt.getTime()).to.equal(at(DAY_MS).getTime());
  });

  it('records the refresh as the session’s latest use, with its user agent and address', async () => {
    await refreshSession(f).execute(input);
    const session = only(await f.sessions.listLive('user-1', NOW));
    expect([session.lastUsedAt.getTime(), session.userAgent, session.ip]).to.deep.equal([NOW.getTime(), 'Safari/18', '198.51.100.9']);
  });

  it('refreshes the successor in turn', async () => {
    const first = await refreshSession(f).execute(input);
    const second = await refreshSession(f, { now: at(60_000) }).execute({ ...input, refreshToken: first.refreshToken });
    expect(second.refreshToken).to.equal(f.deriver.successorOf(first.refreshToken));
  });

  it('logs no security event', async () => {
    await refreshSession(f).execute(input);
    expect(f.events.reusedRefreshTokens).to.deep.equal([]);
  });
});
