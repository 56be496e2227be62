import type { WebAuthnChallengeStore } from '../../application/ports/webauthn-challenge-store.js';
import type { WebAuthnPurpose } from '../../domain/passkey.js';
import { changedRows, type Database } from './database.js';
import { hashToken } from './token-hash.js';

/** The columns a purpose is bound by: its kind, its user, and the second step's mfaToken (hashed as mfa_challenges keeps it). */
function bindingOf(purpose: WebAuthnPurpose): [string, string | null, string | null] {
  switch (purpose.kind) {
    case 'registration':
      return [purpose.kind, purpose.userId, null];
    case 'login':
      return [purpose.kind, null, null];
    case 'second_step':
      return [purpose.kind, purpose.userId, hashToken(purpose.mfaToken)];
  }
}

/** Challenges as SHA-256 rows; consuming one is one conditional DELETE decided by its row count. */
export class TypeOrmWebAuthnChallengeStore implements WebAuthnChallengeStore {
  constructor(private readonly db: Database) {}

  add(challenge: { challenge: string; purpose: WebAuthnPurpose; expiresAt: Date; now: Date }): Promise<void> {
    const [purpose, userId, binding] = bindingOf(challenge.purpose);
    return this.db.run(async (statements) => {
      // Dead challenges go as new ones come: the table holds only the last 5 minutes' ceremonies.
      await statements.query('DELETE FROM webauthn_challenges WHERE expires_at <= ?', [challenge.now.getTime()]);
      await statements.query('INSERT INTO webauthn_challenges (challenge_hash, purpose, user_id, binding_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
        hashToken(challenge.challenge),
        purpose,
        userId,
        binding,
        challenge.now.getTime(),
        challenge.expiresAt.getTime(),
      ]);
    });
  }

  consume(challenge: string, purpose: WebAuthnPurpose, now: Date): Promise<boolean> {
    const [kind, userId, binding] = bindingOf(purpose);
    // NULL never equals NULL in SQL: an unbound column is matched by IS NULL.
    const sql =
      'DELETE FROM webauthn_challenges WHERE challenge_hash = ? AND purpose = ? AND expires_at > ?' +
      (userId === null ? ' AND user_id IS NULL' : ' AND user_id = ?') +
      (binding === null ? ' AND binding_hash IS NULL' : ' AND binding_hash = ?');
    const parameters = [hashToken(challenge), kind, now.getTime(), ...(userId === null ? [] : [userId]), ...(binding === null ? [] : [binding])];
    return this.db.run(async (statements) => (await changedRows(statements, sql, parameters)) === 1);
  }
}
