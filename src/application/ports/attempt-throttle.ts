/**
 * Counts attempts that an attacker would repeat (password guesses, sign-ups, recovery mails)
 * and refuses past the configured limits. Counting is atomic in the backing store, and an
 * attempt is counted before it is judged, so parallel guesses cannot slip past a limit.
 * @throws TooManyAttempts with the seconds until the caller may try again
 */
export interface AttemptThrottle {
  /** Counts a login attempt for this account from this address, and for the address alone. */
  beforeLogin(accountKey: string, ip: string | null): Promise<void>;
  /** A correct password: the account's consecutive-failure count starts over. */
  loginSucceeded(accountKey: string, ip: string | null): Promise<void>;
  beforeRegistration(ip: string | null): Promise<void>;
  /**
   * Counts a request for a recovery or verification mail, per address and per e-mail, so
   * that nobody can flood an inbox; counted alike whether or not the e-mail has an account.
   */
  beforeRecoveryMail(emailKey: string, ip: string | null): Promise<void>;
}
