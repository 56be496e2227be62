import { UserNotFound } from '../../domain/errors.js';
import type { AccountAdministration } from '../ports/account-administration.js';
import type { AuditTrail } from '../ports/audit-trail.js';

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
    const found = await this.audit.recordWith(
      () => this.accounts.enable(userId),
      (changed) => (changed ? { type: 'user.enabled', userId } : null),
    );
    if (!found) throw new UserNotFound();
  }
}
