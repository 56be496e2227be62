import type { AccountTokenPurpose } from '../../domain/account-token-purpose.js';
import type { User } from '../../domain/user.js';
import type { NewAccountToken } from '../ports/account-token-store.js';
import type { OutgoingMail } from '../ports/outgoing-mail.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import { emailVerificationMail, passwordResetMail } from './account-mails.js';

export interface LinkSettings {
  readonly appBaseUrl: string;
  readonly ttlMs: number;
}

/** A single-use token and the mail that carries its link: stored and queued together. */
export interface MailedLink {
  readonly token: NewAccountToken;
  readonly mail: OutgoingMail;
}

const MAIL_OF: Record<AccountTokenPurpose, (user: User, settings: LinkSettings, token: string) => OutgoingMail> = {
  password_reset: (user, { appBaseUrl, ttlMs }, token) => passwordResetMail(user.email.value, appBaseUrl, token, Math.round(ttlMs / 60_000)),
  email_verification: (user, { appBaseUrl, ttlMs }, token) => emailVerificationMail(user.email.value, appBaseUrl, token, Math.round(ttlMs / 3_600_000)),
};

/**
 * The one way a mailed link is made (reset, verification; soon e-mail change): a fresh secret
 * token for this purpose, expiring `ttlMs` from now, and its mail to the account's address.
 */
export function newMailedLink(purpose: AccountTokenPurpose, user: User, secrets: SecretTokenGenerator, now: Date, settings: LinkSettings): MailedLink {
  const token = secrets.generate();
  return {
    token: { userId: user.id, purpose, token, expiresAt: new Date(now.getTime() + settings.ttlMs), now },
    mail: MAIL_OF[purpose](user, settings, token),
  };
}
