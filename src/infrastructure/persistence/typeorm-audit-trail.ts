import type { AuditTrail, EventsOf } from '../../application/ports/audit-trail.js';
import type { Clock } from '../../application/ports/clock.js';
import type { AuditEvent } from '../../domain/audit-event.js';
import { requestDeadline } from '../request-context/request-deadline.js';
import { newAuditEventId } from './audit-event-id.js';
import type { Database, Statements } from './database.js';
import { unitOfWork } from './unit-of-work.js';

const INSERT = 'INSERT INTO audit_events (id, at, type, user_id, session_id, ip, user_agent, request_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** The columns' lengths (1764000011000): a longer User-Agent is cut, never refused. */
const cut = (value: string | null, length: number) => (value === null ? null : value.slice(0, length));

/**
 * audit_events, written through Statements: alone (record) or in the transaction of the change
 * it records (recordWith, a unit of work that the change's store calls join). The request's
 * id, address and User-Agent come from the request context, so use cases never pass them.
 */
export class TypeOrmAuditTrail implements AuditTrail {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  record(event: AuditEvent): Promise<void> {
    return this.db.run((statements) => this.insert(statements, [event]));
  }

  recordWith<T>(change: () => Promise<T>, eventsOf: EventsOf<T>): Promise<T> {
    return this.db.transaction(async (statements) => {
      const result = unitOfWork.joined(this.db) ? await change() : await unitOfWork.within(this.db, statements, change);
      const events = eventsOf(result);
      if (events) await this.insert(statements, Array.isArray(events) ? events : [events as AuditEvent]);
      return result;
    });
  }

  private async insert(statements: Statements, events: readonly AuditEvent[]): Promise<void> {
    const request = requestDeadline.current();
    for (const event of events) {
      const origin = event.origin ?? { requestId: request?.requestId ?? null, ip: request?.clientAddress ?? null, userAgent: request?.userAgent ?? null };
      const at = (origin.at ?? this.clock.now()).getTime();
      await statements.query(INSERT, [
        newAuditEventId(at),
        at,
        event.type,
        event.userId,
        event.sessionId ?? null,
        cut(origin.ip, 64),
        cut(origin.userAgent, 512),
        cut(origin.requestId, 128),
        JSON.stringify(event.details ?? {}),
      ]);
    }
  }
}
