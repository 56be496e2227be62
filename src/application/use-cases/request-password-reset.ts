import { Email } from '../../domain/email.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import type { UserRepository } from '../ports/user-repository.js';
import { passwordResetMail } from '../services/account-mails.js';
import type { LinkSettings } from '../services/verification-link-sender.js';

/**
 * Mails a single-use reset link to a registered address. The caller learns nothing either
 * way: the answer is the same, and an unknown address costs the same throttle count and
 * about the same time (no hash, one indexed read, one small write or none).
 * Refuses with InvalidEmail or TooManyAttempts.
 */
export class RequestPasswordReset {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenStore,
    private readonly secrets: SecretTokenGenerator,
    private readonly throttle: AttemptThrottle,
    private readonly clock: Clock,
    private readonly settings: LinkSettings,
  ) {}

  async execute(input: { email: string; ip: string | null }): Promise<void> {
    const email = Email.parse(input.email);
    await this.throttle.beforeRecoveryMail(email.canonical, input.ip);
    const user = await this.users.findByEmail(email);
    if (!user) return;
    const now = this.clock.now();
    const token = this.secrets.generate();
    await this.tokens.issueWithMail(
      { userId: user.id, purpose: 'password_reset', token, expiresAt: new Date(now.getTime() + this.settings.ttlMs), now },
      passwordResetMail(user.email.value, this.settings.appBaseUrl, token, Math.round(this.settings.ttlMs / 60_000)),
    );
  }
}
