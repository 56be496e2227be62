import { UserNotFound } from '../../domain/errors.js';
import type { AccountAdministration } from '../ports/account-administration.js';
import type { Clock } from '../ports/clock.js';
import type { AuditTrail } from '../ports/audit-trail.js';

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
    const disabled = await this.audit.recordWith(
      () => this.accounts.disable(userId, this.clock.now()),
      (found) => (found ? { type: 'user.disabled', userId } : null),
    );
    if (!disabled) throw new UserNotFound();
  }
}
