import { InvalidRecoveryToken } from '../../domain/errors.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { Clock } from '../ports/clock.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { AuditTrail } from '../ports/audit-trail.js';

/**
 * Makes the address of a mailed e-mail change link the account's, verified (following the
 * link proved it). Sessions live on: the owner proved the password when asking; links mailed
 * to the old address end. The token is
 * spent before the save, so that it works once; the unique index then decides between accounts
 * racing for one address, and the loser's link is spent with nothing changed. Refuses with
 * InvalidRecoveryToken (spent, expired, superseded or unknown) or EmailAlreadyRegistered (the
 * address was taken meanwhile).
 */
export class ConfirmEmailChange {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenStore,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: { token: string }): Promise<void> {
    const now = this.clock.now();
    const change = await this.tokens.findValidEmailChange(input.token, now);
    const user = change ? await this.users.findById(change.userId) : null;
    if (!change || !user || !(await this.tokens.consume(input.token, 'email_change', now))) throw new InvalidRecoveryToken();
    await this.audit.recordWith(() => this.users.update(user.withChangedEmail(change.newEmail, now)), () => ({ type: 'email.changed', userId: user.id }));
    // A reset or verification link mailed to the old address must not outlive the change.
    await this.tokens.supersedeAllOfUser(user.id, now);
  }
}
