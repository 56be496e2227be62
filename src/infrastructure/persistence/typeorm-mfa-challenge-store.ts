import type { MfaChallengeStore } from '../../application/ports/mfa-challenge-store.js';
import type { MfaChallenge } from '../../domain/mfa-challenge.js';
import { changedRows, type Database } from './database.js';
import { hashToken } from './token-hash.js';

const date = (value: unknown) => (value == null ? null : new Date(Number(value)));

// isLiveChallenge (src/domain/mfa-challenge.ts) in SQL: unspent, unexpired, fewer failures than the limit.
const LIVE = 'spent_at IS NULL AND expires_at > ? AND failures < ?';

export class TypeOrmMfaChallengeStore implements MfaChallengeStore {
  constructor(private readonly db: Database) {}

  add(challenge: { token: string; userId: string; expiresAt: Date; now: Date }): Promise<void> {
    const now = challenge.now.getTime();
    return this.db.run(async (manager) => {
      // The user's dead challenges go as new ones come: the table holds only recent logins.
      await manager.query('DELETE FROM mfa_challenges WHERE user_id = ? AND expires_at <= ?', [challenge.userId, now]);
      await manager.query('INSERT INTO mfa_challenges (token_hash, user_id, created_at, expires_at, spent_at, failures) VALUES (?, ?, ?, ?, NULL, 0)', [
        hashToken(challenge.token),
        challenge.userId,
        now,
        challenge.expiresAt.getTime(),
      ]);
    });
  }

  async find(token: string): Promise<MfaChallenge | null> {
    const row = await this.db.readOne('SELECT user_id, expires_at, spent_at, failures FROM mfa_challenges WHERE token_hash = ?', [hashToken(token)]);
    if (!row) return null;
    return { userId: String(row.user_id), expiresAt: date(row.expires_at)!, spentAt: date(row.spent_at), failures: Number(row.failures) };
  }

  spend(token: string, now: Date, maxFailures: number): Promise<boolean> {
    const at = now.getTime();
    return this.db.run(async (manager) => (await changedRows(manager, `UPDATE mfa_challenges SET spent_at = ? WHERE token_hash = ? AND ${LIVE}`, [at, hashToken(token), at, maxFailures])) === 1);
  }

  countFailure(token: string): Promise<void> {
    return this.db.run(async (manager) => {
      await manager.query('UPDATE mfa_challenges SET failures = failures + 1 WHERE token_hash = ?', [hashToken(token)]);
    });
  }
}
