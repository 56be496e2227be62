import type { AccountAdministration } from '../ports/account-administration.js';
import type { Clock } from '../ports/clock.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import { administeredChange } from '../services/administered-change.js';

/**
 * Admin API: the account can no longer log in (403 account-disabled once its password matched); its sessions end and its access tokens are refused at once.
 * Refuses with UserNotFound.
 */
export class DisableUser {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: { readonly userId: string }): Promise<void> {
    const { userId } = input;
    await administeredChange(this.audit, () => this.accounts.disable(userId, this.clock.now()), { type: 'user.disabled', userId });
  }
}
