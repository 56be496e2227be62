/**
 * The admin API's changes to an account. Each method is one transaction on the store, so
 * that the audit event recording it (issue 17's second half) can be written inside it.
 * Every method answers false, changing nothing, when no account has the id, and throws
 * DependencyUnavailable when the store cannot be reached.
 */
export interface AccountAdministration {
  /** Marks the account disabled (keeping the first time) and ends every session and pending second step. */
  disable(userId: string, now: Date): Promise<boolean>;
  enable(userId: string): Promise<boolean>;
  /** Ends every session: their refresh tokens and access tokens are refused from now on. */
  endSessions(userId: string, now: Date): Promise<boolean>;
  /** Removes the TOTP factor, the recovery codes and the passkeys (a lost device): the password alone logs in. */
  removeSecondFactors(userId: string): Promise<boolean>;
  /**
   * Erasure (API.md "Account lifecycle"): the account and all it owns, and the pending mails
   * and reset requests for its address, are deleted, so that the address is free at once.
   */
  erase(userId: string): Promise<boolean>;
}
