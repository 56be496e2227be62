import type { AccountTokenPurpose } from '../../domain/account-token-purpose.js';
import type { Email } from '../../domain/email.js';
import type { OutgoingMail } from './outgoing-mail.js';

export interface NewAccountToken {
  readonly userId: string;
  readonly purpose: AccountTokenPurpose;
  /** Kept only as a hash. */
  readonly token: string;
  readonly expiresAt: Date;
  readonly now: Date;
  /** An e-mail change's address to be: what following the link makes the account's. */
  readonly newEmail?: Email;
}

/** What a valid e-mail change token proves: its owner may take this address. */
export interface PendingEmailChange {
  readonly userId: string;
  readonly newEmail: Email;
}

/**
 * Single-use tokens mailed as links (password reset, e-mail verification), and the outbox
 * of the mails that carry them. Throws DependencyUnavailable when the store is unreachable.
 */
export interface AccountTokenStore {
  /**
   * Stores the token, supersedes the user's earlier unused tokens of the same purpose, and
   * queues the mail, all in one transaction: never a token without its mail, or the reverse.
   * `notices` (mails without a token, e.g. to the address an e-mail change leaves) are queued
   * in the same transaction, after the mail.
   */
  issueWithMail(token: NewAccountToken, mail: OutgoingMail, notices?: readonly OutgoingMail[]): Promise<void>;
  /** Queues a mail that carries no token (a notice), for the outbox to deliver like the others. */
  queueNotice(mail: OutgoingMail, now: Date): Promise<void>;
  /** The owner of a token that is unused, unexpired and not superseded; null otherwise. */
  findValid(token: string, purpose: AccountTokenPurpose, now: Date): Promise<string | null>;
  /** The owner and address to be of a valid `email_change` token; null otherwise. */
  findValidEmailChange(token: string, now: Date): Promise<PendingEmailChange | null>;
  /** Marks it used, if it still is valid: of concurrent uses exactly one returns true. */
  consume(token: string, purpose: AccountTokenPurpose, now: Date): Promise<boolean>;
  /** Supersedes every unused token of the user, of every purpose: no link mailed before works. */
  supersedeAllOfUser(userId: string, now: Date): Promise<void>;
}
