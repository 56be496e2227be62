/**
 * Counts attempts that an attacker would repeat (password guesses, sign-ups, recovery mails)
 * and refuses past the configured limits. Counting is atomic in the backing store, and an
 * attempt is counted before it is judged, so parallel guesses cannot slip past a limit.
 * Addresses are counted by group: an IPv6 address by its /64, ::ffff:a.b.c.d as a.b.c.d.
 * @throws TooManyAttempts with the seconds until the caller may try again
 */
export interface AttemptThrottle {
  /**
   * Counts a login attempt for this account from this address, for the address alone, and
   * for the account from every address (NIST SP 800-63B-4's ceiling on failed attempts).
   * @throws AccountCeilingReached for the one attempt per window that takes the account past
   * its ceiling (judged by the store's atomic count), TooManyAttempts for any other refusal
   */
  beforeLogin(accountKey: string, ip: string | null): Promise<void>;
  /** A correct password: the account's consecutive-failure count starts over. */
  loginSucceeded(accountKey: string, ip: string | null): Promise<void>;
  /**
   * A counted login attempt that was never judged (the hashing queue turned it away, 503):
   * every point it took is given back, so that busy answers neither lock the owner out nor
   * bring the account nearer its ceiling.
   */
  loginNotJudged(accountKey: string, ip: string | null): Promise<void>;
  /** The owner proved control of the mailbox and set a new password: the account's ceiling is lifted. */
  passwordWasReset(accountKey: string): Promise<void>;
  /**
   * Counts a second-factor code (TOTP or recovery) presented for this account, from any address
   * (MFA_MAX_FAILURES per LOGIN_FAILURE_WINDOW): six digits fall to a guesser otherwise.
   */
  beforeSecondFactor(accountKey: string): Promise<void>;
  /** A right code: its point is given back, so that the limit counts wrong codes. */
  secondFactorSucceeded(accountKey: string): Promise<void>;
  beforeRegistration(ip: string | null): Promise<void>;
  /**
   * Counts a request for a recovery or verification mail, per address and per e-mail, so
   * that nobody can flood an inbox; counted alike whether or not the e-mail has an account.
   */
  beforeRecoveryMail(emailKey: string, ip: string | null): Promise<void>;
  /** Counts a request for passkey login options from this address (each stores a challenge); a passkey login's success gives its point back. */
  beforePasskeyOptions(ip: string | null): Promise<void>;
  /** Counts a passkey login from this address with the failed logins of that address (any account). */
  beforePasskeyLogin(ip: string | null): Promise<void>;
  /** A passkey login succeeded: its points (login and options) are given back, so that the limits count failures. */
  passkeyLoginSucceeded(ip: string | null): Promise<void>;
}
