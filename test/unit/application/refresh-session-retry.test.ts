import { expect } from 'chai';
import type { RefreshSessionInput } from '../../../src/application/use-cases/refresh-session.js';
import { only } from '../support/only.js';
import {
  NOW,
  DAY_MS,
  at,
  refreshSession,
  refreshedEarlier,
  sessionFixture,
  startSession,
  type SessionFixture,
} from '../support/session-fixture.js';

const input: RefreshSessionInput = { refreshToken: 'refresh-1', userAgent: 'Firefox/140', ip: '203.0.113.7' };

describe('RefreshSession: a retry within the grace period', () => {
  let f: SessionFixture;
  let successor: string;

  beforeEach(async () => {
    f = sessionFixture();
    await startSession(f.sessions);
    // The first refresh's response was lost 5 s ago; the client presents the same token again.
    successor = await refreshedEarlier(f, 'refresh-1', at(-5000));
  });

  it('answers the same successor as the first time', async () => {
    expect((await refreshSession(f).execute(input)).refreshToken).to.equal(successor);
  });

  it('issues a fresh access token for the same session', async () => {
    const output = await refreshSession(f).execute(input);
    expect([output.accessToken, only(f.accessTokens.requests)]).to.deep.equal([
      'access-1:user-1:session-1',
      { userId: 'user-1', sessionId: 'session-1', amr: ['pwd'], authTime: at(-DAY_MS) },
    ]);
  });

  it('leaves the successor unspent and mints no other token', async () => {
    await refreshSession(f).execute(input);
    expect(only(f.sessions.unspentTokens('session-1', NOW)).tokenHash).to.equal(f.sessions.tokenRecord(successor)?.tokenHash);
  });

  it('leaves the family live and logs no security event', async () => {
    await refreshSession(f).execute(input);
    expect([f.sessions.revokedAt('session-1'), f.events.reusedRefreshTokens]).to.deep.equal([null, []]);
  });

  it('lets the client go on with the successor afterwards', async () => {
    await refreshSession(f).execute(input);
    const next = await refreshSession(f, { now: at(1000) }).execute({ ...input, refreshToken: successor });
    expect(next.refreshToken).to.equal(f.deriver.successorOf(successor));
  });
});
