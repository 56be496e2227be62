import type { Email } from '../../domain/email.js';
import type { User } from '../../domain/user.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { Clock } from '../ports/clock.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import { newMailedLink, type LinkSettings } from './mailed-link.js';

/**
 * Issues an e-mail change token for `newEmail` and queues, in the same transaction, the link
 * to the new address and the notice to the old one: never a change on its way unannounced.
 */
export class EmailChangeLinkSender {
  constructor(
    private readonly tokens: AccountTokenStore,
    private readonly secrets: SecretTokenGenerator,
    private readonly clock: Clock,
    private readonly settings: LinkSettings,
    private readonly audit: AuditTrail,
  ) {}

  async send(user: User, newEmail: Email): Promise<void> {
    const link = newMailedLink('email_change', user, this.secrets, this.clock.now(), this.settings, newEmail);
    await this.audit.recordWith(
      () => this.tokens.issueWithMail(link.token, link.mail, link.notices),
      () => ({ type: 'email.change_requested', userId: user.id }),
    );
  }
}
