import type { AuditTrail, EventsOf } from '../../../src/application/ports/audit-trail.js';
import type { AuditEvent } from '../../../src/domain/audit-event.js';

/**
 * Keeps the events in memory, in order. Like the adapter, a change that throws records
 * nothing, and `failing` makes every write throw (the change with it, as one transaction would).
 */
export class RecordingAuditTrail implements AuditTrail {
  readonly events: AuditEvent[] = [];
  failing: Error | null = null;

  async record(event: AuditEvent): Promise<void> {
    if (this.failing) throw this.failing;
    this.events.push(event);
  }

  async recordWith<T>(change: () => Promise<T>, eventsOf: EventsOf<T>): Promise<T> {
    const result = await change();
    const events = eventsOf(result);
    if (this.failing && events) throw this.failing;
    if (events) this.events.push(...(Array.isArray(events) ? events : [events as AuditEvent]));
    return result;
  }

  types(): string[] {
    return this.events.map((event) => event.type);
  }
}
