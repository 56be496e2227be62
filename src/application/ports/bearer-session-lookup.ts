import type { User } from '../../domain/user.js';

/** The account and session a bearer token may act for, once both are found to be in force. */
export interface LivePrincipal {
  readonly userId: string;
  readonly sessionId: string;
}

/**
 * A principal with its account as the same read found it: whether a second factor guards it
 * too. GET /users/me answers from it, without reading the account again (issue 18).
 */
export interface LiveAccount extends LivePrincipal {
  readonly user: User;
  readonly mfaEnabled: boolean;
}

/**
 * The bearer check's one read (issue 18): the account exists and the session is one of its
 * own, live by the domain's isLiveSession; else null. A password change or reset ends every
 * session of the account (PasswordReplacement), so this also refuses every token issued
 * before it. An account's own conditions (not disabled, once it can be) belong here too, so
 * that every authenticated request still costs one indexed look-up.
 * Throws DependencyUnavailable when the store cannot be reached.
 */
export interface BearerSessionLookup {
  findLivePrincipal(userId: string, sessionId: string, now: Date): Promise<LiveAccount | null>;
}
