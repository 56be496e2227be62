import type { AuditLog, AuditQuery } from '../../application/ports/audit-log.js';
import { isAuditEventType, type RecordedAuditEvent } from '../../domain/audit-event.js';
import type { Database } from './database.js';
import { dateAt, nullableTextAt, textAt } from './row-values.js';

const SELECT = 'SELECT id, at, type, user_id, session_id, ip, user_agent, request_id, details FROM audit_events';

export class TypeOrmAuditLog implements AuditLog {
  constructor(private readonly db: Database) {}

  find(query: AuditQuery): Promise<RecordedAuditEvent[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (condition: string, ...values: unknown[]) => {
      conditions.push(condition);
      parameters.push(...values);
    };
    if (query.userId !== null) where('user_id = ?', query.userId);
    if (query.type !== null) where('type = ?', query.type);
    if (query.since) where('at >= ?', query.since.getTime());
    if (query.until) where('at < ?', query.until.getTime());
    if (query.before) where('(at < ? OR (at = ? AND id < ?))', query.before.at.getTime(), query.before.at.getTime(), query.before.id);
    const filter = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const limit = Math.max(1, Math.floor(query.limit));
    return this.db.run(async (statements) => (await statements.query(`${SELECT}${filter} ORDER BY at DESC, id DESC LIMIT ${limit}`, parameters)).map(eventOf));
  }

  deleteOlderThan(cutoff: Date, limit: number): Promise<number> {
    // Ids first, then a keyed delete: DELETE ... LIMIT is MySQL's alone. Two instances that
    // pick the same ids delete each row once; the other's DELETE changes nothing.
    return this.db.run(async (statements) => {
      const rows = await statements.query(`SELECT id FROM audit_events WHERE at < ? ORDER BY at, id LIMIT ${Math.max(1, Math.floor(limit))}`, [cutoff.getTime()]);
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => textAt(row, 'id'));
      return statements.changedRows(`DELETE FROM audit_events WHERE at < ? AND id IN (${ids.map(() => '?').join(', ')})`, [cutoff.getTime(), ...ids]);
    });
  }
}

function eventOf(row: Record<string, unknown>): RecordedAuditEvent {
  const type = textAt(row, 'type');
  if (!isAuditEventType(type)) throw new Error(`column type: unknown audit event type ${type}`);
  const details: unknown = JSON.parse(textAt(row, 'details'));
  if (typeof details !== 'object' || details === null || Array.isArray(details)) throw new Error('column details: expected a JSON object');
  return {
    id: textAt(row, 'id'),
    at: dateAt(row, 'at'),
    type,
    userId: nullableTextAt(row, 'user_id'),
    sessionId: nullableTextAt(row, 'session_id'),
    ip: nullableTextAt(row, 'ip'),
    userAgent: nullableTextAt(row, 'user_agent'),
    requestId: nullableTextAt(row, 'request_id'),
    details: details as Record<string, unknown>,
  };
}
