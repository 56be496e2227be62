import type { AccountAdministration } from '../ports/account-administration.js';
import type { Clock } from '../ports/clock.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import { administeredChange } from '../services/administered-change.js';

/**
 * Admin API: every session of the account ends, its access tokens with them.
 * Refuses with UserNotFound.
 */
export class EndUserSessions {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: { readonly userId: string }): Promise<void> {
    const { userId } = input;
    await administeredChange(this.audit, () => this.accounts.endSessions(userId, this.clock.now()), { type: 'admin.sessions_ended', userId });
  }
}
