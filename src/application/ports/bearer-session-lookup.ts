/** The account and session a bearer token may act for, once both are found to be in force. */
export interface LivePrincipal {
  readonly userId: string;
  readonly sessionId: string;
}

/** What GET /users/me shows of an account, as stored. */
export interface CallerAccount {
  /** The address as the owner spelt it (not its canonical form). */
  readonly email: string;
  readonly emailVerifiedAt: Date | null;
  readonly createdAt: Date;
}

/**
 * A principal with what GET /users/me shows of its account, as the same read found it, and
 * whether a second factor guards it: that route answers without reading the account again
 * (issue 18). Nothing more: the password hash is not read on every authenticated request, and
 * a use case that needs the whole account reads it (userOfPrincipal).
 */
export interface LiveAccount extends LivePrincipal {
  readonly account: CallerAccount;
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
