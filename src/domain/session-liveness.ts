/** What decides whether a session (a refresh-token family) is live. */
export interface SessionLiveness {
  readonly revokedAt: Date | null;
  /** SESSION_MAX_AGE after the login that began it, however often it is refreshed. */
  readonly expiresAt: Date;
  /** When its latest unspent refresh token expires; null when it holds none. */
  readonly unspentTokenExpiresAt: Date | null;
}

/** Ended whatever its tokens: revoked, or at its maximum age. */
export function hasSessionEnded(session: Pick<SessionLiveness, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  return session.revokedAt !== null || session.expiresAt <= now;
}

/**
 * The one rule of a live session, for the list, the revoke, the refresh and the bearer check
 * alike (docs/api.md, "Tokens"): not revoked, not at its maximum age, and not idled out,
 * i.e. its unspent refresh token (REFRESH_TOKEN_TTL after the last refresh) has not expired.
 * Every expiry is exclusive: at that very millisecond the session has ended. The store's
 * queries say the same in SQL; one suite checks them against this function
 * (test/unit/support/session-store-promises.ts).
 */
export function isLiveSession(session: SessionLiveness, now: Date): boolean {
  return !hasSessionEnded(session, now) && session.unspentTokenExpiresAt !== null && session.unspentTokenExpiresAt > now;
}
