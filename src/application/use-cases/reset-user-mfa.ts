import { UserNotFound } from '../../domain/errors.js';
import type { AccountAdministration } from '../ports/account-administration.js';
import type { AuditTrail } from '../ports/audit-trail.js';

/**
 * Admin API, for a lost device: the TOTP factor, recovery codes and passkeys go, and the password alone logs in.
 * Refuses with UserNotFound.
 */
export class ResetUserMfa {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: { readonly userId: string }): Promise<void> {
    const { userId } = input;
    const found = await this.audit.recordWith(
      () => this.accounts.removeSecondFactors(userId),
      (changed) => (changed ? { type: 'admin.mfa_reset', userId } : null),
    );
    if (!found) throw new UserNotFound();
  }
}
