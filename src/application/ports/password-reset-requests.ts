import type { AuditOrigin } from '../../domain/audit-event.js';
import type { NewAccountToken } from './account-token-store.js';
import type { OutgoingMail } from './outgoing-mail.js';

export interface PendingResetRequest {
  readonly id: string;
  /** The address as requested (Email.value), whether or not an account has it. */
  readonly email: string;
  readonly requestedAt: Date;
  /** The request that asked (its id, address, User-Agent), for the audit event of its resolution; null when not kept. */
  readonly origin: AuditOrigin | null;
}

/**
 * Password-reset requests waiting to be resolved in the background. Recording one is the
 * same single insert for every address, so that the answer's timing cannot tell a registered
 * address from an unknown one; whether it has an account is looked up later, off the request
 * path. The stored address is personal data even when nobody has it: a request is deleted
 * as soon as it is resolved, either way. Throws DependencyUnavailable when the store is
 * unreachable; a request that could not be resolved then stays for the next round.
 */
export interface PasswordResetRequests {
  /** Keeps the current request's id, address and User-Agent with it, for the audit log. */
  add(email: string, now: Date): Promise<void>;
  /** Unresolved requests, oldest first, at most `limit`. */
  oldest(limit: number): Promise<PendingResetRequest[]>;
  /**
   * Deletes the request and, in the same transaction, does what AccountTokenStore.issueWithMail
   * does (token, supersession, queued mail). Of concurrent calls for one request (several
   * instances) exactly one returns true; the others write nothing and return false.
   */
  resolveWithMail(id: string, token: NewAccountToken, mail: OutgoingMail): Promise<boolean>;
  /** Deletes the request: no account has its address. An unknown id is no error. */
  discard(id: string): Promise<void>;
}
