import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { UserRepository } from '../ports/user-repository.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { VerificationLinkSender } from '../services/verification-link-sender.js';

/**
 * Mails a link that proves the caller owns the account's address (nothing is sent for an
 * address already verified). Refuses with TooManyAttempts or InvalidAccessToken.
 */
export class RequestEmailVerification {
  constructor(
    private readonly users: UserRepository,
    private readonly links: VerificationLinkSender,
    private readonly throttle: AttemptThrottle,
  ) {}

  async execute(input: { userId: string; ip: string | null }): Promise<void> {
    const user = await userOfPrincipal(this.users, input);
    await this.throttle.beforeRecoveryMail(user.email.canonical, input.ip);
    if (!user.emailVerified) await this.links.send(user);
  }
}
