import { isAuditEventType, type RecordedAuditEvent } from '../../domain/audit-event.js';
import { InvalidPageRequest } from '../../domain/errors.js';
import type { AuditLog, AuditPosition } from '../ports/audit-log.js';
import { pageLimitOf } from '../services/page-limit.js';

export interface ListAuditEventsInput {
  readonly userId: string | null;
  /** One of AUDIT_EVENT_TYPES; anything else is refused. */
  readonly type: string | null;
  readonly since: Date | null;
  readonly until: Date | null;
  /** 1 to 100; absent: 50. NaN is refused like any other value out of range. */
  readonly limit?: number;
  readonly before: AuditPosition | null;
}

export interface AuditEventPage {
  readonly items: readonly RecordedAuditEvent[];
  /** Where the next (older) page begins; null on the last page. */
  readonly next: AuditPosition | null;
}

/**
 * Admin API: the audit log, newest first, a page at a time, filtered by account, type and time.
 * Refuses with InvalidPageRequest (limit out of range, unknown type).
 */
export class ListAuditEvents {
  constructor(private readonly log: AuditLog) {}

  async execute(input: ListAuditEventsInput): Promise<AuditEventPage> {
    const limit = pageLimitOf(input.limit);
    if (input.type !== null && !isAuditEventType(input.type)) throw new InvalidPageRequest('type', 'is not an audit event type');
    // One more than asked: whether a next page exists, without a count.
    const found = await this.log.find({ userId: input.userId, type: input.type, since: input.since, until: input.until, before: input.before, limit: limit + 1 });
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return { items, next: found.length > limit && last ? { at: last.at, id: last.id } : null };
  }
}
