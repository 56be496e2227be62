import { randomUUID } from 'node:crypto';
import type { AccountTokenStore, NewAccountToken, PendingEmailChange } from '../../application/ports/account-token-store.js';
import type { OutgoingMail } from '../../application/ports/outgoing-mail.js';
import type { AccountTokenPurpose } from '../../domain/account-token-purpose.js';
import { Email } from '../../domain/email.js';
import { changedRows, type Database, type Statements } from './database.js';
import { hashToken } from './token-hash.js';

const VALID = 'token_hash = ? AND purpose = ? AND used_at IS NULL AND superseded_at IS NULL AND expires_at > ?';

export class TypeOrmAccountTokenStore implements AccountTokenStore {
  constructor(private readonly db: Database) {}

  issueWithMail(token: NewAccountToken, mail: OutgoingMail, notices: readonly OutgoingMail[] = []): Promise<void> {
    return this.db.transaction((manager) => writeTokenWithMail(manager, token, mail, notices));
  }

  queueNotice(mail: OutgoingMail, now: Date): Promise<void> {
    return this.db.run((manager) => queueMail(manager, mail, now.getTime()));
  }

  findValid(token: string, purpose: AccountTokenPurpose, now: Date): Promise<string | null> {
    return this.db.run(async (manager) => {
      const [row] = await manager.query(`SELECT user_id FROM account_tokens WHERE ${VALID}`, [hashToken(token), purpose, now.getTime()]);
      return row ? String(row.user_id) : null;
    });
  }

  findValidEmailChange(token: string, now: Date): Promise<PendingEmailChange | null> {
    return this.db.run(async (manager) => {
      const [row] = await manager.query(`SELECT user_id, new_email FROM account_tokens WHERE ${VALID}`, [hashToken(token), 'email_change', now.getTime()]);
      if (!row || typeof row.new_email !== 'string') return null;
      // Parsed minutes ago by the same rule: its canonical form is the one the unique index holds.
      return { userId: String(row.user_id), newEmail: Email.parse(row.new_email) };
    });
  }

  consume(token: string, purpose: AccountTokenPurpose, now: Date): Promise<boolean> {
    const at = now.getTime();
    return this.db.run(async (manager) => {
      const changed = await changedRows(manager, `UPDATE account_tokens SET used_at = ? WHERE ${VALID}`, [at, hashToken(token), purpose, at]);
      return changed === 1;
    });
  }

  supersedeAllOfUser(userId: string, now: Date): Promise<void> {
    return this.db.run(async (manager) => {
      await manager.query('UPDATE account_tokens SET superseded_at = ? WHERE user_id = ? AND used_at IS NULL AND superseded_at IS NULL', [
        now.getTime(),
        userId,
      ]);
    });
  }
}

async function queueMail(manager: Statements, mail: OutgoingMail, at: number): Promise<void> {
  await manager.query(
    `INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    [randomUUID(), mail.to, mail.subject, mail.text, mail.html, at, at],
  );
}

/** issueWithMail's writes, inside a transaction the caller holds (a reset request resolved with them). */
export async function writeTokenWithMail(manager: Statements, token: NewAccountToken, mail: OutgoingMail, notices: readonly OutgoingMail[] = []): Promise<void> {
  const now = token.now.getTime();
  // A new link supersedes the older ones: only the latest mail works.
  await manager.query(
    'UPDATE account_tokens SET superseded_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL AND superseded_at IS NULL',
    [now, token.userId, token.purpose],
  );
  await manager.query(
    'INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at, used_at, superseded_at, new_email) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)',
    [hashToken(token.token), token.userId, token.purpose, now, token.expiresAt.getTime(), token.newEmail?.value ?? null],
  );
  await queueMail(manager, mail, now);
  for (const notice of notices) await queueMail(manager, notice, now);
}
