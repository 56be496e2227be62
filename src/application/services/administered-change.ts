import type { AuditEvent } from '../../domain/audit-event.js';
import { UserNotFound } from '../../domain/errors.js';
import type { AuditTrail } from '../ports/audit-trail.js';

/**
 * An administrator's change to one account (AccountAdministration: false when there is no such
 * account) and its audit event, in one transaction: the admin use cases' one shape. No account,
 * no event.
 * @throws UserNotFound
 */
export async function administeredChange(audit: AuditTrail, change: () => Promise<boolean>, event: AuditEvent): Promise<void> {
  if (!(await audit.recordWith(change, (found) => (found ? event : null)))) throw new UserNotFound();
}
