import { expect } from 'chai';
import { hasSessionEnded, isLiveSession, type SessionLiveness } from '../../../src/domain/session-liveness.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

/** A session that is live at NOW unless told otherwise. */
const session = (changes: Partial<SessionLiveness> = {}): SessionLiveness => ({
  revokedAt: null,
  expiresAt: at(86_400_000),
  unspentTokenExpiresAt: at(60_000),
  ...changes,
});

describe('isLiveSession', () => {
  it('takes a session neither revoked, nor at its maximum age, nor idled out as live', () => {
    expect(isLiveSession(session(), NOW)).to.equal(true);
  });

  it('takes a revoked session as ended', () => {
    expect(isLiveSession(session({ revokedAt: at(-1) }), NOW)).to.equal(false);
  });

  it('takes a session as ended at the millisecond of its maximum age, and live 1 ms before', () => {
    expect([isLiveSession(session({ expiresAt: at(1) }), NOW), isLiveSession(session({ expiresAt: NOW }), NOW)]).to.deep.equal([true, false]);
  });

  it('takes a session whose unspent token has expired as idled out, at the very millisecond', () => {
    expect([isLiveSession(session({ unspentTokenExpiresAt: at(1) }), NOW), isLiveSession(session({ unspentTokenExpiresAt: NOW }), NOW)]).to.deep.equal([
      true,
      false,
    ]);
  });

  it('takes a session holding no unspent token as ended', () => {
    expect(isLiveSession(session({ unspentTokenExpiresAt: null }), NOW)).to.equal(false);
  });
});

describe('hasSessionEnded', () => {
  it('takes a revoked session, or one at its maximum age, as ended, whatever its tokens', () => {
    expect([hasSessionEnded(session({ revokedAt: at(-1) }), NOW), hasSessionEnded(session({ expiresAt: NOW }), NOW)]).to.deep.equal([true, true]);
  });

  it('leaves the tokens out: a session idled out has not ended by this test', () => {
    expect(hasSessionEnded(session({ unspentTokenExpiresAt: at(-1) }), NOW)).to.equal(false);
  });
});
