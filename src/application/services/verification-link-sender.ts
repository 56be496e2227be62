import type { User } from '../../domain/user.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { Clock } from '../ports/clock.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import { newMailedLink, type LinkSettings } from './mailed-link.js';

/** Issues an e-mail verification token and queues the mail carrying its link. */
export class VerificationLinkSender {
  constructor(
    private readonly tokens: AccountTokenStore,
    private readonly secrets: SecretTokenGenerator,
    private readonly clock: Clock,
    private readonly settings: LinkSettings,
    private readonly audit: AuditTrail,
  ) {}

  async send(user: User): Promise<void> {
    const link = newMailedLink('email_verification', user, this.secrets, this.clock.now(), this.settings);
    await this.audit.recordWith(
      () => this.tokens.issueWithMail(link.token, link.mail),
      () => ({ type: 'email.verification_requested', userId: user.id }),
    );
  }
}
