import type { AuditEventType, RecordedAuditEvent } from '../../domain/audit-event.js';

/** Where a page of events ends: they are listed newest first by (at, id), so a later insert never shifts one. */
export interface AuditPosition {
  readonly at: Date;
  readonly id: string;
}

export interface AuditQuery {
  readonly userId: string | null;
  readonly type: AuditEventType | null;
  /** From this time on (inclusive); null: from the oldest kept. */
  readonly since: Date | null;
  /** Before this time (exclusive); null: up to now. */
  readonly until: Date | null;
  /** Only events older than this one; null: from the newest. */
  readonly before: AuditPosition | null;
  readonly limit: number;
}

/**
 * The audit log's reads and its retention: rows are never updated, and deleted only here, by
 * age. Throws DependencyUnavailable when the store cannot be reached.
 */
export interface AuditLog {
  /** Up to `limit` events, newest first by (at, id). */
  find(query: AuditQuery): Promise<RecordedAuditEvent[]>;
  /**
   * Deletes up to `limit` of the events older than `cutoff`, oldest first, and answers how
   * many it deleted. Harmless when several instances run it at once: a row already deleted by
   * another is not counted twice.
   */
  deleteOlderThan(cutoff: Date, limit: number): Promise<number>;
}
