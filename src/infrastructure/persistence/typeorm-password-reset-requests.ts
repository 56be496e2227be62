import { randomUUID } from 'node:crypto';
import type { NewAccountToken } from '../../application/ports/account-token-store.js';
import type { OutgoingMail } from '../../application/ports/outgoing-mail.js';
import type { PasswordResetRequests, PendingResetRequest } from '../../application/ports/password-reset-requests.js';
import { changedRows, type Database } from './database.js';
import { writeTokenWithMail } from './typeorm-account-token-store.js';
import { requestDeadline } from '../request-context/request-deadline.js';
import { dateAt, nullableTextAt, textAt } from './row-values.js';

export class TypeOrmPasswordResetRequests implements PasswordResetRequests {
  constructor(private readonly db: Database) {}

  add(email: string, now: Date): Promise<void> {
    return this.db.run(async (manager) => {
      const request = requestDeadline.current();
      await manager.query('INSERT INTO password_reset_requests (id, email, requested_at, request_id, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?)', [
        randomUUID(),
        email,
        now.getTime(),
        request?.requestId ?? null,
        request?.clientAddress?.slice(0, 64) ?? null,
        request?.userAgent?.slice(0, 512) ?? null,
      ]);
    });
  }

  oldest(limit: number): Promise<PendingResetRequest[]> {
    return this.db.run(async (manager) => {
      const rows: Array<Record<string, unknown>> = await manager.query(
        `SELECT id, email, requested_at, request_id, ip, user_agent FROM password_reset_requests ORDER BY requested_at, id LIMIT ${Math.max(1, Math.floor(limit))}`,
      );
      return rows.map((row) => {
        const requestedAt = dateAt(row, 'requested_at');
        const origin = { requestId: nullableTextAt(row, 'request_id'), ip: nullableTextAt(row, 'ip'), userAgent: nullableTextAt(row, 'user_agent'), at: requestedAt };
        return { id: textAt(row, 'id'), email: textAt(row, 'email'), requestedAt, origin };
      });
    });
  }

  resolveWithMail(id: string, token: NewAccountToken, mail: OutgoingMail): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      // The delete is the claim: another instance resolving the same request finds it gone
      // (on MySQL it waits for this row's lock, then sees the delete) and writes nothing.
      if ((await changedRows(manager, 'DELETE FROM password_reset_requests WHERE id = ?', [id])) !== 1) return false;
      await writeTokenWithMail(manager, token, mail);
      return true;
    });
  }

  discard(id: string): Promise<void> {
    return this.db.run(async (manager) => {
      await manager.query('DELETE FROM password_reset_requests WHERE id = ?', [id]);
    });
  }
}
