import type { AccountAdministration } from '../ports/account-administration.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import { administeredChange } from '../services/administered-change.js';

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
    await administeredChange(this.audit, () => this.accounts.erase(userId), { type: 'user.erased', userId, details: { by: 'admin' } });
  }
}
