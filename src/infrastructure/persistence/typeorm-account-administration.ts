import type { AccountAdministration } from '../../application/ports/account-administration.js';
import type { Database, Statements } from './database.js';
import { textAt } from './row-values.js';

/**
 * Each change is one transaction that first reads the account (so "no such account" is told
 * apart from "nothing to change" the same way on every database): the place where the audit
 * event of the change will be written too.
 */
export class TypeOrmAccountAdministration implements AccountAdministration {
  constructor(private readonly db: Database) {}

  disable(userId: string, now: Date): Promise<boolean> {
    return this.onAccount(userId, async (statements) => {
      await statements.query('UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL', [now.getTime(), userId]);
      await endSessions(statements, userId, now);
      // A second step begun before must not finish into a session now.
      await statements.query('DELETE FROM mfa_challenges WHERE user_id = ?', [userId]);
      await statements.query('DELETE FROM webauthn_challenges WHERE user_id = ?', [userId]);
    });
  }

  enable(userId: string): Promise<boolean> {
    return this.onAccount(userId, (statements) => statements.query('UPDATE users SET disabled_at = NULL WHERE id = ?', [userId]));
  }

  endSessions(userId: string, now: Date): Promise<boolean> {
    return this.onAccount(userId, (statements) => endSessions(statements, userId, now));
  }

  removeSecondFactors(userId: string): Promise<boolean> {
    return this.onAccount(userId, async (statements) => {
      await statements.query('DELETE FROM recovery_codes WHERE user_id = ?', [userId]);
      await statements.query('DELETE FROM totp_factors WHERE user_id = ?', [userId]);
      await statements.query('DELETE FROM passkeys WHERE user_id = ?', [userId]);
      await statements.query('DELETE FROM webauthn_challenges WHERE user_id = ?', [userId]);
    });
  }

  erase(userId: string): Promise<boolean> {
    return this.onAccount(userId, async (statements, canonicalEmail) => {
      // Children first, explicitly: the foreign keys cascade, but SQLite enforces them only
      // with its pragma on, and the mails and reset requests hold the address, not the id.
      await statements.query('DELETE FROM refresh_tokens WHERE session_id IN (SELECT id FROM sessions WHERE user_id = ?)', [userId]);
      for (const table of ['sessions', 'account_tokens', 'recovery_codes', 'totp_factors', 'mfa_challenges', 'passkeys', 'webauthn_user_handles', 'webauthn_challenges']) {
        await statements.query(`DELETE FROM ${table} WHERE user_id = ?`, [userId]);
      }
      await deleteAddressedTo(statements, 'password_reset_requests', 'email', canonicalEmail);
      // Sent and dead mails too: their recipient is the erased address.
      await deleteAddressedTo(statements, 'mail_outbox', 'recipient', canonicalEmail);
      await statements.query('DELETE FROM users WHERE id = ?', [userId]);
    });
  }

  private onAccount(userId: string, work: (statements: Statements, canonicalEmail: string) => Promise<unknown>): Promise<boolean> {
    return this.db.transaction(async (statements) => {
      const [row] = await statements.query('SELECT email_canonical FROM users WHERE id = ?', [userId]);
      if (!row) return false;
      await work(statements, textAt(row, 'email_canonical'));
      return true;
    });
  }
}

const endSessions = (statements: Statements, userId: string, now: Date) =>
  statements.query('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [now.getTime(), userId]);

/**
 * Deletes the rows of `table` whose address column is the account's under the domain's rule of
 * sameness (NFC, lower-cased by JavaScript). Matched here, not by the database's LOWER(): SQLite
 * lower-cases ASCII only, so "Élodie@…" would outlive the erasure. The domain part is stored
 * lower-cased, so the database narrows the rows to that domain first.
 */
async function deleteAddressedTo(statements: Statements, table: string, column: string, canonicalEmail: string): Promise<void> {
  const domain = canonicalEmail.slice(canonicalEmail.lastIndexOf('@') + 1);
  const rows = await statements.query(`SELECT id, ${column} AS address FROM ${table} WHERE ${column} LIKE ?`, [`%@${domain}`]);
  for (const row of rows) {
    if (textAt(row, 'address').normalize('NFC').toLowerCase() !== canonicalEmail) continue;
    await statements.query(`DELETE FROM ${table} WHERE id = ?`, [textAt(row, 'id')]);
  }
}
