import type { AccountTokenPurpose } from '../../domain/account-token-purpose.js';
import type { Email } from '../../domain/email.js';
import type { User } from '../../domain/user.js';
import type { NewAccountToken } from '../ports/account-token-store.js';
import type { OutgoingMail } from '../ports/outgoing-mail.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import { emailChangeMail, emailChangeNoticeMail, emailVerificationMail, passwordResetMail } from './account-mails.js';

export interface LinkSettings {
  readonly appBaseUrl: string;
  readonly ttlMs: number;
}

/**
 * A single-use token, the mail that carries its link and the notices (no link) that go with
 * it: stored and queued together (AccountTokenStore.issueWithMail).
 */
export interface MailedLink {
  readonly token: NewAccountToken;
  readonly mail: OutgoingMail;
  readonly notices: readonly OutgoingMail[];
}

/** Whom a link is for: the account, and for an e-mail change the address it is to have. */
interface LinkTarget {
  readonly user: User;
  readonly newEmail?: Email;
}

type Mails = Pick<MailedLink, 'mail' | 'notices'>;
const hours = (ttlMs: number) => Math.round(ttlMs / 3_600_000);

const MAILS_OF: Record<AccountTokenPurpose, (target: LinkTarget, settings: LinkSettings, token: string) => Mails> = {
  password_reset: ({ user }, { appBaseUrl, ttlMs }, token) => ({ mail: passwordResetMail(user.email.value, appBaseUrl, token, Math.round(ttlMs / 60_000)), notices: [] }),
  email_verification: ({ user }, { appBaseUrl, ttlMs }, token) => ({ mail: emailVerificationMail(user.email.value, appBaseUrl, token, hours(ttlMs)), notices: [] }),
  // The link goes to the new address (following it proves that address); the old one is told.
  email_change: ({ user, newEmail }, { appBaseUrl, ttlMs }, token) => {
    if (!newEmail) throw new Error('an e-mail change link needs the new address');
    return { mail: emailChangeMail(newEmail.value, appBaseUrl, token, hours(ttlMs)), notices: [emailChangeNoticeMail(user.email.value)] };
  },
};

/**
 * The one way a mailed link is made (reset, verification, e-mail change): a fresh secret token
 * for this purpose, expiring `ttlMs` from now, and its mails. `newEmail` is the address an
 * e-mail change leads to: the token carries it, and the link is mailed there.
 */
export function newMailedLink(purpose: AccountTokenPurpose, user: User, secrets: SecretTokenGenerator, now: Date, settings: LinkSettings, newEmail?: Email): MailedLink {
  const token = secrets.generate();
  return {
    token: { userId: user.id, purpose, token, expiresAt: new Date(now.getTime() + settings.ttlMs), now, ...(newEmail ? { newEmail } : {}) },
    ...MAILS_OF[purpose]({ user, newEmail }, settings, token),
  };
}
