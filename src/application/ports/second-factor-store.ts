/** A TOTP enrolment as the store holds it (the secret decrypted, base32). */
export interface TotpFactor {
  readonly userId: string;
  readonly secret: string;
  /** False until a first code confirmed it: it does not guard the account before. */
  readonly confirmed: boolean;
  /** The time step of the code accepted last (RFC 6238 §5.2); null before any. */
  readonly lastUsedStep: number | null;
}

/**
 * The second factors of accounts: one TOTP secret (kept encrypted) and a set of recovery codes
 * (kept as SHA-256 hashes, each usable once). Every "use" is one conditional write whose row
 * count decides, so that of concurrent uses of one code exactly one wins, on any instance
 * sharing the database. Every method throws DependencyUnavailable when the store is unreachable.
 */
export interface SecondFactorStore {
  findTotp(userId: string): Promise<TotpFactor | null>;
  /** True when the account has a confirmed TOTP factor (the one test of "has a second factor"). */
  isTotpActive(userId: string): Promise<boolean>;
  /** Stores a new unconfirmed secret in place of an unconfirmed one; false, writing nothing, when one is confirmed. */
  enrolTotp(userId: string, secret: string, now: Date): Promise<boolean>;
  /**
   * Confirms the unconfirmed factor, recording `step` as used, and stores `recoveryCodes` in
   * place of any earlier set, all in one transaction; false, writing nothing, when there is no
   * unconfirmed factor (a concurrent confirmation won).
   */
  confirmTotp(userId: string, step: number, recoveryCodes: readonly string[], now: Date): Promise<boolean>;
  /** Records `step` as used by the confirmed factor unless it or a later step was: exactly one of concurrent uses returns true. */
  useTotpStep(userId: string, step: number): Promise<boolean>;
  /** Marks the user's unused recovery code used (compared as given: normalise first): exactly one of concurrent uses returns true. */
  useRecoveryCode(userId: string, code: string, now: Date): Promise<boolean>;
  unusedRecoveryCodes(userId: string): Promise<number>;
  /** A new set in place of the old one, in one transaction. */
  replaceRecoveryCodes(userId: string, codes: readonly string[], now: Date): Promise<void>;
  /** The TOTP factor and every recovery code of the user. */
  removeAll(userId: string): Promise<void>;
}
