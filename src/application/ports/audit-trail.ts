import type { AuditEvent } from '../../domain/audit-event.js';

/** The events a change records, decided by its result: none when it changed nothing. */
export type EventsOf<T> = (result: T) => AuditEvent | readonly AuditEvent[] | null;

/**
 * Where use cases record audit events (API.md "Admin API and audit log"). The trail adds the
 * time and the request's id, client address and User-Agent itself. Nothing is dropped
 * silently: a failed write throws (DependencyUnavailable), and with `recordWith` the change
 * fails with it.
 */
export interface AuditTrail {
  /** An event with no change of its own to commit (a refused login): one insert. */
  record(event: AuditEvent): Promise<void>;
  /**
   * Runs `change` and writes its events in one transaction: every store call the change makes
   * joins it, so an event is never written for a change that rolled back, and a change never
   * commits without its event. Keep `change` to store calls (no hashing, no outbound calls).
   */
  recordWith<T>(change: () => Promise<T>, eventsOf: EventsOf<T>): Promise<T>;
}
