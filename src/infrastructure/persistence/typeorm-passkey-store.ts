import type { PasskeyStore } from '../../application/ports/passkey-store.js';
import { PasskeyAlreadyRegistered } from '../../domain/errors.js';
import type { Passkey } from '../../domain/passkey.js';
import { changedRows, type Database } from './database.js';
import { isUniqueViolation } from './database-errors.js';
import { dateAt, nullableDateAt, textAt } from './row-values.js';
import { hashToken } from './token-hash.js';

const COLUMNS = 'credential_id, user_id, public_key, sign_count, transports, backup_eligible, backed_up, aaguid, name, created_at, last_used_at';
// A credential id may be up to 1023 bytes: rows are keyed by its SHA-256.
const keyOf = (credentialId: string) => hashToken(credentialId);

/** Passkeys and user handles; a use is one conditional update on the counter. */
export class TypeOrmPasskeyStore implements PasskeyStore {
  constructor(private readonly db: Database) {}

  async userHandle(userId: string, candidate: string): Promise<string> {
    const existing = await this.findUserHandle(userId);
    if (existing !== null) return existing;
    try {
      await this.db.run((statements) => statements.query('INSERT INTO webauthn_user_handles (user_id, handle, created_at) VALUES (?, ?, ?)', [userId, candidate, Date.now()]));
      return candidate;
    } catch (error) {
      // A concurrent first registration stored its handle first: that one is the user's.
      if (!isUniqueViolation(error)) throw error;
      return (await this.findUserHandle(userId))!;
    }
  }

  async findUserHandle(userId: string): Promise<string | null> {
    const row = await this.db.readOne('SELECT handle FROM webauthn_user_handles WHERE user_id = ?', [userId]);
    return row ? textAt(row, 'handle') : null;
  }

  async add(passkey: Passkey): Promise<void> {
    try {
      await this.db.transaction((statements) =>
        statements.query(`INSERT INTO passkeys (id_hash, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
          keyOf(passkey.id),
          passkey.id,
          passkey.userId,
          Buffer.from(passkey.publicKey).toString('base64url'),
          passkey.counter,
          JSON.stringify(passkey.transports),
          passkey.backupEligible ? 1 : 0,
          passkey.backedUp ? 1 : 0,
          passkey.aaguid,
          passkey.name,
          passkey.createdAt.getTime(),
          passkey.lastUsedAt?.getTime() ?? null,
        ]),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new PasskeyAlreadyRegistered();
      throw error;
    }
  }

  async listOf(userId: string): Promise<Passkey[]> {
    const rows = await this.db.run((statements) => statements.query(`SELECT ${COLUMNS} FROM passkeys WHERE user_id = ? ORDER BY created_at, id_hash`, [userId]));
    return rows.map(passkeyOf);
  }

  async find(credentialId: string): Promise<Passkey | null> {
    const row = await this.db.readOne(`SELECT ${COLUMNS} FROM passkeys WHERE id_hash = ?`, [keyOf(credentialId)]);
    return row ? passkeyOf(row) : null;
  }

  async hasAny(userId: string): Promise<boolean> {
    return (await this.db.readOne('SELECT 1 AS found FROM passkeys WHERE user_id = ?', [userId])) !== undefined;
  }

  remove(userId: string, credentialId: string): Promise<boolean> {
    return this.db.run(async (statements) => (await changedRows(statements, 'DELETE FROM passkeys WHERE id_hash = ? AND user_id = ?', [keyOf(credentialId), userId])) === 1);
  }

  recordUse(use: { credentialId: string; counter: number; backedUp: boolean; at: Date }): Promise<boolean> {
    // counterRegressed (src/domain/passkey.ts) in SQL, so that two uses at once cannot both pass one count.
    const sql = 'UPDATE passkeys SET sign_count = ?, backed_up = ?, last_used_at = ? WHERE id_hash = ? AND (sign_count < ? OR (sign_count = 0 AND ? = 0))';
    return this.db.run(
      async (statements) => (await changedRows(statements, sql, [use.counter, use.backedUp ? 1 : 0, use.at.getTime(), keyOf(use.credentialId), use.counter, use.counter])) === 1,
    );
  }
}

function passkeyOf(row: Record<string, unknown>): Passkey {
  const transports: unknown = JSON.parse(textAt(row, 'transports'));
  if (!Array.isArray(transports) || !transports.every((t) => typeof t === 'string')) throw new Error('column transports: expected a JSON array of strings');
  return {
    id: textAt(row, 'credential_id'),
    userId: textAt(row, 'user_id'),
    publicKey: new Uint8Array(Buffer.from(textAt(row, 'public_key'), 'base64url')),
    counter: wholeNumberAt(row, 'sign_count'),
    transports,
    backupEligible: wholeNumberAt(row, 'backup_eligible') === 1,
    backedUp: wholeNumberAt(row, 'backed_up') === 1,
    aaguid: textAt(row, 'aaguid'),
    name: textAt(row, 'name'),
    createdAt: dateAt(row, 'created_at'),
    lastUsedAt: nullableDateAt(row, 'last_used_at'),
  };
}

/** An INT or BIGINT: a number from better-sqlite3 and mysql2's INT, decimal text from BIGINTs of mysql2 and pg. */
function wholeNumberAt(row: Record<string, unknown>, column: string): number {
  const value = row[column];
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) throw new Error(`column ${column}: expected a whole number`);
  return number;
}
