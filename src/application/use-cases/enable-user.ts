import type { AccountAdministration } from '../ports/account-administration.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import { administeredChange } from '../services/administered-change.js';

/**
 * Admin API: a disabled account may log in again (its ended sessions stay ended).
 * Refuses with UserNotFound.
 */
export class EnableUser {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: { readonly userId: string }): Promise<void> {
    const { userId } = input;
    await administeredChange(this.audit, () => this.accounts.enable(userId), { type: 'user.enabled', userId });
  }
}
