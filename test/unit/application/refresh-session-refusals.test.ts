import { expect } from 'chai';
import type { RefreshSessionInput } from '../../../src/application/use-cases/refresh-session.js';
import { InvalidRefreshToken } from '../../../src/domain/errors.js';
import { rejectionOf } from '../support/rejection-of.js';
import {
  DAY_MS,
  MAX_AGE_MS,
  NOW,
  at,
  refreshSession,
  sessionFixture,
  startSession,
  type SessionFixture,
} from '../support/session-fixture.js';

const input: RefreshSessionInput = { refreshToken: 'refresh-1', userAgent: null, ip: null };

/** Refused with InvalidRefreshToken, no security event, no token issued, nothing spent. */
async function expectQuietRefusal(f: SessionFixture, promise: Promise<unknown>): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(InvalidRefreshToken);
  expect(error).to.have.property('code', 'invalid_refresh_token');
  expect([f.events.reusedRefreshTokens, f.accessTokens.requests]).to.deep.equal([[], []]);
  expect(f.sessions.tokenRecord('refresh-1')?.spentAt ?? null).to.equal(null);
}

describe('RefreshSession: invalid tokens', () => {
  let f: SessionFixture;

  beforeEach(() => {
    f = sessionFixture();
  });

  it('refuses an unknown token quietly', async () => {
    await startSession(f.sessions, { token: 'refresh-other' });
    await expectQuietRefusal(f, refreshSession(f).execute(input));
  });

  it('refuses an expired token quietly', async () => {
    await startSession(f.sessions, { tokenExpiresAt: NOW });
    await expectQuietRefusal(f, refreshSession(f).execute(input));
  });

  it('refuses a token of a revoked family quietly', async () => {
    await startSession(f.sessions);
    await f.sessions.revoke('session-1', at(-1000));
    await expectQuietRefusal(f, refreshSession(f).execute(input));
  });

  it('refuses a token of a family at its maximum age quietly', async () => {
    await startSession(f.sessions, { createdAt: at(-MAX_AGE_MS), tokenExpiresAt: at(DAY_MS) });
    await expectQuietRefusal(f, refreshSession(f).execute(input));
  });

  it('leaves the family of an expired token unrevoked', async () => {
    await startSession(f.sessions, { tokenExpiresAt: NOW });
    await rejectionOf(refreshSession(f).execute(input));
    expect(f.sessions.revokedAt('session-1')).to.equal(null);
  });
});
