import { expect } from 'chai';
import type { RefreshSessionInput } from '../../../src/application/use-cases/refresh-session.js';
import { InvalidRefreshToken } from '../../../src/domain/errors.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';
import {
  GRACE_MS,
  NOW,
  at,
  refreshSession,
  refreshedEarlier,
  sessionFixture,
  startSession,
  type SessionFixture,
} from '../support/session-fixture.js';

const input: RefreshSessionInput = { refreshToken: 'refresh-1', userAgent: 'curl/8', ip: '192.0.2.66' };

async function expectInvalidRefreshToken(promise: Promise<unknown>): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(InvalidRefreshToken);
  expect(error).to.have.property('code', 'invalid_refresh_token');
}

describe('RefreshSession: reuse of a spent token (theft)', () => {
  let f: SessionFixture;

  beforeEach(async () => {
    f = sessionFixture();
    await startSession(f.sessions);
  });

  describe('after its successor was used', () => {
    beforeEach(async () => {
      const successor = await refreshedEarlier(f, 'refresh-1', at(-5000));
      await refreshedEarlier(f, successor, at(-2000));
    });

    it('refuses with InvalidRefreshToken', async () => {
      await expectInvalidRefreshToken(refreshSession(f).execute(input));
    });

    it('revokes the whole family now', async () => {
      await rejectionOf(refreshSession(f).execute(input));
      expect(f.sessions.revokedAt('session-1')?.getTime()).to.equal(NOW.getTime());
    });

    it('logs one security event naming the user, the session and the caller', async () => {
      await rejectionOf(refreshSession(f).execute(input));
      expect(only(f.events.reusedRefreshTokens)).to.deep.equal({
        userId: 'user-1',
        sessionId: 'session-1',
        ip: '192.0.2.66',
        userAgent: 'curl/8',
      });
    });

    it("leaves the family's newest token unable to refresh", async () => {
      await rejectionOf(refreshSession(f).execute(input));
      const newest = f.deriver.successorOf(f.deriver.successorOf('refresh-1'));
      await expectInvalidRefreshToken(refreshSession(f).execute({ ...input, refreshToken: newest }));
    });

    it('issues no access token', async () => {
      await rejectionOf(refreshSession(f).execute(input));
      expect(f.accessTokens.requests).to.deep.equal([]);
    });
  });

  describe('after the grace period', () => {
    beforeEach(async () => {
      await refreshedEarlier(f, 'refresh-1', at(-GRACE_MS));
    });

    it('refuses with InvalidRefreshToken', async () => {
      await expectInvalidRefreshToken(refreshSession(f).execute(input));
    });

    it('revokes the whole family now', async () => {
      await rejectionOf(refreshSession(f).execute(input));
      expect(f.sessions.revokedAt('session-1')?.getTime()).to.equal(NOW.getTime());
    });

    it('logs one security event naming the user and the session', async () => {
      await rejectionOf(refreshSession(f).execute(input));
      expect(only(f.events.reusedRefreshTokens)).to.include({ userId: 'user-1', sessionId: 'session-1' });
    });
  });

  it('with no grace period, takes the second presentation, even in the same millisecond, as theft', async () => {
    await refreshedEarlier(f, 'refresh-1', NOW);
    await expectInvalidRefreshToken(refreshSession(f, { graceMs: 0 }).execute(input));
    expect([f.sessions.revokedAt('session-1')?.getTime(), f.events.reusedRefreshTokens.length]).to.deep.equal([NOW.getTime(), 1]);
  });

  it("leaves the user's other sessions alone", async () => {
    await startSession(f.sessions, { id: 'session-2', token: 'refresh-2' });
    await refreshedEarlier(f, 'refresh-1', at(-GRACE_MS));
    await rejectionOf(refreshSession(f).execute(input));
    expect(f.sessions.revokedAt('session-2')).to.equal(null);
  });
});
