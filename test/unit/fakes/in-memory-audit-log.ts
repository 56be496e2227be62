import type { AuditLog, AuditQuery } from '../../../src/application/ports/audit-log.js';
import type { RecordedAuditEvent } from '../../../src/domain/audit-event.js';

const newestFirst = (a: RecordedAuditEvent, b: RecordedAuditEvent) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The audit log's port over an array, in its order (newest first by at, then id). */
export class InMemoryAuditLog implements AuditLog {
  constructor(readonly rows: RecordedAuditEvent[] = []) {}

  async find(query: AuditQuery): Promise<RecordedAuditEvent[]> {
    const { before } = query;
    return this.rows
      .filter((row) => query.userId === null || row.userId === query.userId)
      .filter((row) => query.type === null || row.type === query.type)
      .filter((row) => !query.since || row.at >= query.since)
      .filter((row) => !query.until || row.at < query.until)
      .filter((row) => !before || row.at < before.at || (row.at.getTime() === before.at.getTime() && row.id < before.id))
      .sort(newestFirst)
      .slice(0, query.limit);
  }

  async deleteOlderThan(cutoff: Date, limit: number): Promise<number> {
    const doomed = this.rows.filter((row) => row.at < cutoff).sort((a, b) => -newestFirst(a, b)).slice(0, limit);
    for (const row of doomed) this.rows.splice(this.rows.indexOf(row), 1);
    return doomed.length;
  }
}
