import type { OutgoingMail } from './outgoing-mail.js';

export interface QueuedMail extends OutgoingMail {
  readonly id: string;
  /** Delivery attempts made before this one. */
  readonly attempts: number;
}

export interface OutboxStats {
  readonly pending: number;
  readonly oldestPendingAgeMs: number | null;
  readonly dead: number;
}

/**
 * Mails waiting to be delivered, written in the same transaction as what they announce.
 * Throws DependencyUnavailable when the store is unreachable.
 */
export interface MailOutbox {
  /**
   * Claims up to `limit` due mails for `leaseMs`: a claim is a conditional update, so with
   * several instances each mail is handed to one sender at a time. A sender that dies
   * mid-delivery loses its lease and the mail is claimed again later.
   */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<QueuedMail[]>;
  /** Delivered: the bodies (which hold a live link) are cleared. */
  markSent(id: string, now: Date): Promise<void>;
  /**
   * Not delivered: try again at `retryAt`, or never (dead) when it is null. A dead mail keeps
   * its bodies, so that an operator can still see and resend it; its link expires anyway.
   */
  markFailed(id: string, error: string, retryAt: Date | null): Promise<void>;
  /** Not tried at all (the mail server is known to be down): again at `retryAt`, no attempt counted. */
  defer(id: string, retryAt: Date): Promise<void>;
  stats(now: Date): Promise<OutboxStats>;
}
