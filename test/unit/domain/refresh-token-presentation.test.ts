import { expect } from 'chai';
import { classifyPresentation, type RefreshTokenState } from '../../../src/domain/refresh-token-presentation.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const GRACE_MS = 10_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

/** A token of session-1, unspent and unexpired, in a live family, unless told otherwise. */
const token = (changes: Partial<RefreshTokenState> = {}): RefreshTokenState => ({
  sessionId: 'session-1',
  userId: 'user-1',
  successorKey: 'key-1',
  tokenExpiresAt: at(60_000),
  spentAt: null,
  sessionExpiresAt: at(86_400_000),
  sessionRevokedAt: null,
  amr: ['pwd'],
  authTime: at(-60_000),
  ...changes,
});
const spentAgo = (ms: number) => token({ spentAt: at(-ms) });
const unusedSuccessor = token();
const usedSuccessor = token({ spentAt: at(-1000) });

describe('classifyPresentation', () => {
  describe('current', () => {
    it('takes an unspent, unexpired token of a live family as current', () => {
      expect(classifyPresentation(token(), null, NOW, GRACE_MS)).to.equal('current');
    });
  });

  describe('invalid', () => {
    it('takes an unknown token as invalid', () => {
      expect(classifyPresentation(null, null, NOW, GRACE_MS)).to.equal('invalid');
    });

    it('takes an unspent token of a revoked family as invalid', () => {
      expect(classifyPresentation(token({ sessionRevokedAt: at(-1) }), null, NOW, GRACE_MS)).to.equal('invalid');
    });

    it('takes a token of a revoked family as invalid even where it would be a retry', () => {
      const revokedSpent = token({ spentAt: at(-1000), sessionRevokedAt: at(-500) });
      expect(classifyPresentation(revokedSpent, unusedSuccessor, NOW, GRACE_MS)).to.equal('invalid');
    });

    it('takes a token of a family at its maximum age as invalid', () => {
      expect(classifyPresentation(token({ sessionExpiresAt: NOW }), null, NOW, GRACE_MS)).to.equal('invalid');
    });

    it('takes a spent token of a family past its maximum age as invalid, not as theft', () => {
      const spent = token({ spentAt: at(-60_000), sessionExpiresAt: at(-1) });
      expect(classifyPresentation(spent, usedSuccessor, NOW, GRACE_MS)).to.equal('invalid');
    });

    it('takes an unspent token at its expiry as invalid', () => {
      expect(classifyPresentation(token({ tokenExpiresAt: NOW }), null, NOW, GRACE_MS)).to.equal('invalid');
    });

    // REFRESH_REUSE_GRACE may be longer than REFRESH_TOKEN_TTL (5 min against 1 min): a retry
    // would hand out a successor that has expired, of a session that has idled out.
    it('takes a retry within the grace period as invalid once its unused successor has expired', () => {
      expect(classifyPresentation(spentAgo(1000), token({ tokenExpiresAt: NOW }), NOW, GRACE_MS)).to.equal('invalid');
    });
  });

  describe('retry', () => {
    it('takes a token spent 1 ms inside the grace period, its successor unused, as a retry', () => {
      expect(classifyPresentation(spentAgo(GRACE_MS - 1), unusedSuccessor, NOW, GRACE_MS)).to.equal('retry');
    });

    it('takes a token spent this very millisecond, its successor unused, as a retry', () => {
      expect(classifyPresentation(spentAgo(0), unusedSuccessor, NOW, GRACE_MS)).to.equal('retry');
    });
  });

  describe('reuse', () => {
    it('takes a token spent exactly the grace period ago as reuse', () => {
      expect(classifyPresentation(spentAgo(GRACE_MS), unusedSuccessor, NOW, GRACE_MS)).to.equal('reuse');
    });

    it('takes a token spent within the grace period as reuse once its successor was spent', () => {
      expect(classifyPresentation(spentAgo(1000), usedSuccessor, NOW, GRACE_MS)).to.equal('reuse');
    });

    it('takes a spent token whose successor is unknown as reuse', () => {
      expect(classifyPresentation(spentAgo(1000), null, NOW, GRACE_MS)).to.equal('reuse');
    });

    it('takes a spent token as reuse when its "successor" belongs to another family', () => {
      const foreign = token({ sessionId: 'session-2' });
      expect(classifyPresentation(spentAgo(1000), foreign, NOW, GRACE_MS)).to.equal('reuse');
    });

    it('takes a spent token whose own lifetime has ended as reuse', () => {
      const spentAndExpired = token({ spentAt: at(-60_000), tokenExpiresAt: at(-1) });
      expect(classifyPresentation(spentAndExpired, usedSuccessor, NOW, GRACE_MS)).to.equal('reuse');
    });

    it('with no grace period, takes a token spent this very millisecond as reuse', () => {
      expect(classifyPresentation(spentAgo(0), unusedSuccessor, NOW, 0)).to.equal('reuse');
    });

    // The spend may be stamped by a clock ahead of this one (another instance, or a concurrent
    // request that read the clock later): API.md still wants every second presentation theft.
    it('with no grace period, takes a token spent "1 ms in the future" (a clock ahead) as reuse', () => {
      expect(classifyPresentation(spentAgo(-1), unusedSuccessor, NOW, 0)).to.equal('reuse');
    });
  });
});
