import { UserNotFound } from '../../domain/errors.js';
import type { AccountAdministration } from '../ports/account-administration.js';
import type { AuditTrail } from '../ports/audit-trail.js';

/**
 * Admin API: erasure (API.md "Account lifecycle"); the address can be registered again at once.
 * Refuses with UserNotFound.
 */
export class EraseUser {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: { readonly userId: string }): Promise<void> {
    const { userId } = input;
    // In the erasure's transaction: the event keeps the id, and no address (API.md "Erasure").
    const erased = await this.audit.recordWith(
      () => this.accounts.erase(userId),
      (found) => (found ? { type: 'user.erased', userId, details: { by: 'admin' } } : null),
    );
    if (!erased) throw new UserNotFound();
  }
}
