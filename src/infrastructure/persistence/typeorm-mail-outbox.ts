import type { MailOutbox, OutboxStats, QueuedMail } from '../../application/ports/mail-outbox.js';
import { changedRows, type Database } from './database.js';

export class TypeOrmMailOutbox implements MailOutbox {
  constructor(private readonly db: Database) {}

  claimDue(now: Date, limit: number, leaseMs: number): Promise<QueuedMail[]> {
    const at = now.getTime();
    return this.db.run(async (manager) => {
      const candidates: Array<Record<string, unknown>> = await manager.query(
        `SELECT id, recipient, subject, text_body, html_body, attempts FROM mail_outbox
          WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
          ORDER BY next_attempt_at LIMIT ${Math.max(1, Math.floor(limit))}`,
        [at, at],
      );
      const claimed: QueuedMail[] = [];
      for (const row of candidates) {
        // The conditional update is the claim: another sender that read the same row loses.
        const won = await changedRows(
          manager,
          `UPDATE mail_outbox SET claimed_until = ? WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?
             AND (claimed_until IS NULL OR claimed_until < ?)`,
          [at + leaseMs, row.id, at, at],
        );
        if (won === 1) {
          claimed.push({
            id: String(row.id),
            to: String(row.recipient),
            subject: String(row.subject),
            text: String(row.text_body ?? ''),
            html: String(row.html_body ?? ''),
            attempts: Number(row.attempts),
          });
        }
      }
      return claimed;
    });
  }

  markSent(id: string, now: Date): Promise<void> {
    return this.db.run(async (manager) => {
      await manager.query(
        `UPDATE mail_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, claimed_until = NULL,
           text_body = NULL, html_body = NULL, last_error = NULL WHERE id = ?`,
        [now.getTime(), id],
      );
    });
  }

  markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    return this.db.run(async (manager) => {
      await manager.query(
        `UPDATE mail_outbox SET attempts = attempts + 1, claimed_until = NULL, last_error = ?, status = ?,
           next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?`,
        [error.slice(0, 500), retryAt ? 'pending' : 'dead', retryAt?.getTime() ?? null, id],
      );
    });
  }

  defer(id: string, retryAt: Date): Promise<void> {
    return this.db.run(async (manager) => {
      await manager.query('UPDATE mail_outbox SET claimed_until = NULL, next_attempt_at = ? WHERE id = ?', [retryAt.getTime(), id]);
    });
  }

  stats(now: Date): Promise<OutboxStats> {
    return this.db.run(async (manager) => {
      const [row] = await manager.query(
        `SELECT SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,
                MIN(CASE WHEN status = 'pending' THEN created_at END) AS oldest,
                SUM(CASE WHEN status = 'dead' THEN 1 ELSE 0 END) AS dead
           FROM mail_outbox`,
      );
      const oldest = row?.oldest == null ? null : Number(row.oldest);
      return {
        pending: Number(row?.pending ?? 0),
        oldestPendingAgeMs: oldest === null ? null : Math.max(0, now.getTime() - oldest),
        dead: Number(row?.dead ?? 0),
      };
    });
  }
}
