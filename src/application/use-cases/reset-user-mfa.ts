import type { AccountAdministration } from '../ports/account-administration.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import { administeredChange } from '../services/administered-change.js';

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
    await administeredChange(this.audit, () => this.accounts.removeSecondFactors(userId), { type: 'admin.mfa_reset', userId });
  }
}
