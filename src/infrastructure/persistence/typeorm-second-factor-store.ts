import { randomUUID } from 'node:crypto';
import type { Statements } from './database.js';
import type { SecondFactorStore, TotpFactor } from '../../application/ports/second-factor-store.js';
import type { AesGcmSecretCipher } from '../security/aes-gcm-secret-cipher.js';
import { changedRows, type Database } from './database.js';
import { isUniqueViolation } from './database-errors.js';
import { hashToken } from './token-hash.js';

const number = (value: unknown) => (value == null ? null : Number(value));
// The sealed secret opens only in its own row, of its own user.
export const rowBinding = (id: string, userId: string) => `totp_factors:${id}:${userId}`;

/** TOTP secrets sealed under DATA_ENCRYPTION_KEY, recovery codes as SHA-256; every use one conditional update. */
export class TypeOrmSecondFactorStore implements SecondFactorStore {
  constructor(
    private readonly db: Database,
    private readonly cipher: AesGcmSecretCipher,
  ) {}

  async findTotp(userId: string): Promise<TotpFactor | null> {
    const row = await this.db.run(async (manager) => {
      const [found] = await manager.query(
        'SELECT id, secret_ciphertext, secret_nonce, secret_tag, confirmed_at, last_used_step FROM totp_factors WHERE user_id = ?',
        [userId],
      );
      return found as Record<string, unknown> | undefined;
    });
    if (!row) return null;
    const sealed = { ciphertext: String(row.secret_ciphertext), nonce: String(row.secret_nonce), tag: String(row.secret_tag) };
    return {
      userId,
      secret: this.cipher.open(sealed, rowBinding(String(row.id), userId)),
      confirmed: row.confirmed_at != null,
      lastUsedStep: number(row.last_used_step),
    };
  }

  async isTotpActive(userId: string): Promise<boolean> {
    return (await this.db.readOne('SELECT 1 AS active FROM totp_factors WHERE user_id = ? AND confirmed_at IS NOT NULL', [userId])) !== undefined;
  }

  async enrolTotp(userId: string, secret: string, now: Date): Promise<boolean> {
    try {
      return await this.db.transaction((manager) => this.replaceUnconfirmed(manager, userId, secret, now));
    } catch (error) {
      // A concurrent enrolment inserted first: replace it in turn, as a later call would.
      if (!isUniqueViolation(error)) throw error;
      return this.db.transaction((manager) => this.replaceUnconfirmed(manager, userId, secret, now));
    }
  }

  private async replaceUnconfirmed(manager: Statements, userId: string, secret: string, now: Date): Promise<boolean> {
    await manager.query('DELETE FROM totp_factors WHERE user_id = ? AND confirmed_at IS NULL', [userId]);
    const [confirmed] = await manager.query('SELECT 1 AS confirmed FROM totp_factors WHERE user_id = ?', [userId]);
    if (confirmed) return false;
    const id = randomUUID();
    const sealed = this.cipher.seal(secret, rowBinding(id, userId));
    await manager.query(
      `INSERT INTO totp_factors (id, user_id, secret_ciphertext, secret_nonce, secret_tag, confirmed_at, last_used_step, created_at)
       VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)`,
      [id, userId, sealed.ciphertext, sealed.nonce, sealed.tag, now.getTime()],
    );
    return true;
  }

  confirmTotp(userId: string, step: number, recoveryCodes: readonly string[], now: Date): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const confirmed = await changedRows(
        manager,
        'UPDATE totp_factors SET confirmed_at = ?, last_used_step = ? WHERE user_id = ? AND confirmed_at IS NULL',
        [now.getTime(), step, userId],
      );
      if (confirmed !== 1) return false;
      await writeRecoveryCodes(manager, userId, recoveryCodes, now);
      return true;
    });
  }

  useTotpStep(userId: string, step: number): Promise<boolean> {
    return this.db.run(async (manager) => {
      // One conditional update decides (RFC 6238 §5.2): two requests with one code cannot both pass.
      const changed = await changedRows(
        manager,
        'UPDATE totp_factors SET last_used_step = ? WHERE user_id = ? AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < ?)',
        [step, userId, step],
      );
      return changed === 1;
    });
  }

  useRecoveryCode(userId: string, code: string, now: Date): Promise<boolean> {
    return this.db.run(async (manager) => {
      const changed = await changedRows(manager, 'UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL', [
        now.getTime(),
        userId,
        hashToken(code),
      ]);
      return changed === 1;
    });
  }

  async unusedRecoveryCodes(userId: string): Promise<number> {
    const row = await this.db.readOne('SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL', [userId]);
    return Number(row?.n ?? 0);
  }

  replaceRecoveryCodes(userId: string, codes: readonly string[], now: Date): Promise<void> {
    return this.db.transaction((manager) => writeRecoveryCodes(manager, userId, codes, now));
  }

  removeAll(userId: string): Promise<void> {
    return this.db.transaction(async (manager) => {
      await manager.query('DELETE FROM recovery_codes WHERE user_id = ?', [userId]);
      await manager.query('DELETE FROM totp_factors WHERE user_id = ?', [userId]);
    });
  }
}

/** The user's set of recovery codes, in place of any before. */
async function writeRecoveryCodes(manager: Statements, userId: string, codes: readonly string[], now: Date): Promise<void> {
  await manager.query('DELETE FROM recovery_codes WHERE user_id = ?', [userId]);
  for (const code of codes) {
    // 120 random bits: a fast unsalted hash is enough (ASVS 6.5.2), as for tokens.
    await manager.query('INSERT INTO recovery_codes (user_id, code_hash, created_at, used_at) VALUES (?, ?, ?, NULL)', [userId, hashToken(code), now.getTime()]);
  }
}
