import { expect } from 'chai';
import { LogoutSession, type LogoutSessionInput } from '../../../src/application/use-cases/logout-session.js';
import { InvalidRefreshToken } from '../../../src/domain/errors.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';
import {
  GRACE_MS,
  NOW,
  at,
  refreshedEarlier,
  sessionFixture,
  startSession,
  type SessionFixture,
} from '../support/session-fixture.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

const input: LogoutSessionInput = { refreshToken: 'refresh-1', userAgent: 'curl/8', ip: '192.0.2.66' };

async function expectInvalidRefreshToken(promise: Promise<unknown>): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(InvalidRefreshToken);
  expect(error).to.have.property('code', 'invalid_refresh_token');
}

describe('LogoutSession', () => {
  let f: SessionFixture;
  let logout: LogoutSession;

  beforeEach(async () => {
    f = sessionFixture();
    logout = new LogoutSession(f.sessions, f.deriver, f.events, new FixedClock(NOW), GRACE_MS, f.audit);
    await startSession(f.sessions);
    await startSession(f.sessions, { id: 'session-2', token: 'refresh-2' });
  });

  it('revokes the family of a current token now', async () => {
    await logout.execute(input);
    expect(f.sessions.revokedAt('session-1')?.getTime()).to.equal(NOW.getTime());
  });

  it("answers the family's user", async () => {
    expect(await logout.execute(input)).to.deep.equal({ userId: 'user-1' });
  });

  it("leaves the user's other sessions live", async () => {
    await logout.execute(input);
    expect(f.sessions.revokedAt('session-2')).to.equal(null);
  });

  it('revokes the family of a spent token that could still be retried', async () => {
    await refreshedEarlier(f, 'refresh-1', at(-5000));
    await logout.execute(input);
    expect(f.sessions.revokedAt('session-1')?.getTime()).to.equal(NOW.getTime());
  });

  it('logs no security event for a current or retried token', async () => {
    await logout.execute(input);
    await refreshedEarlier(f, 'refresh-2', at(-5000), 'session-2');
    await logout.execute({ ...input, refreshToken: 'refresh-2' });
    expect(f.events.reusedRefreshTokens).to.deep.equal([]);
  });

  describe('a reused token', () => {
    beforeEach(async () => {
      await refreshedEarlier(f, 'refresh-1', at(-GRACE_MS));
    });

    it('refuses with InvalidRefreshToken', async () => {
      await expectInvalidRefreshToken(logout.execute(input));
    });

    it('still revokes the family', async () => {
      await rejectionOf(logout.execute(input));
      expect(f.sessions.revokedAt('session-1')?.getTime()).to.equal(NOW.getTime());
    });

    it('logs one security event naming the user, the session and the caller', async () => {
      await rejectionOf(logout.execute(input));
      expect(only(f.events.reusedRefreshTokens)).to.deep.equal({
        userId: 'user-1',
        sessionId: 'session-1',
        ip: '192.0.2.66',
        userAgent: 'curl/8',
      });
    });
  });

  it('refuses an unknown token with InvalidRefreshToken', async () => {
    await expectInvalidRefreshToken(logout.execute({ ...input, refreshToken: 'refresh-9' }));
  });

  it('revokes nothing for an unknown token', async () => {
    await rejectionOf(logout.execute({ ...input, refreshToken: 'refresh-9' }));
    expect([f.sessions.revokedAt('session-1'), f.sessions.revokedAt('session-2')]).to.deep.equal([null, null]);
  });

  it('refuses a token of an already revoked family, quietly', async () => {
    await f.sessions.revoke('session-1', at(-1000));
    await expectInvalidRefreshToken(logout.execute(input));
    expect(f.events.reusedRefreshTokens).to.deep.equal([]);
  });
});
