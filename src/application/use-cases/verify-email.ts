import { InvalidRecoveryToken } from '../../domain/errors.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { Clock } from '../ports/clock.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { AuditTrail } from '../ports/audit-trail.js';

/** Marks the address verified with a mailed token. Refuses with InvalidRecoveryToken. */
export class VerifyEmail {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenStore,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: { token: string }): Promise<void> {
    const now = this.clock.now();
    const userId = await this.tokens.findValid(input.token, 'email_verification', now);
    const user = userId ? await this.users.findById(userId) : null;
    if (!user || !(await this.tokens.consume(input.token, 'email_verification', now))) throw new InvalidRecoveryToken();
    await this.audit.recordWith(() => this.users.update(user.withVerifiedEmail(now)), () => ({ type: 'email.verified', userId: user.id }));
  }
}
