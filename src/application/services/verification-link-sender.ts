import type { User } from '../../domain/user.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { Clock } from '../ports/clock.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import { emailVerificationMail } from './account-mails.js';

export interface LinkSettings {
  readonly appBaseUrl: string;
  readonly ttlMs: number;
}

/** Issues an e-mail verification token and queues the mail carrying its link. */
export class VerificationLinkSender {
  constructor(
    private readonly tokens: AccountTokenStore,
    private readonly secrets: SecretTokenGenerator,
    private readonly clock: Clock,
    private readonly settings: LinkSettings,
  ) {}

  async send(user: User): Promise<void> {
    const now = this.clock.now();
    const token = this.secrets.generate();
    await this.tokens.issueWithMail(
      { userId: user.id, purpose: 'email_verification', token, expiresAt: new Date(now.getTime() + this.settings.ttlMs), now },
      emailVerificationMail(user.email.value, this.settings.appBaseUrl, token, Math.round(this.settings.ttlMs / 3_600_000)),
    );
  }
}
