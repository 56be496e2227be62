/**
 * Slow, salted password hashing. Inputs are normalised passwords that fit the hash input
 * (domain/password.ts): an adapter must never see, and so never truncate, a longer one.
 * hash and verify may refuse with HashingBusy when too many hashes are already waiting.
 */
export interface PasswordHasher {
  hash(normalizedPassword: string): Promise<string>;
  /** Never throws on a malformed hash: it is simply not a match. */
  verify(normalizedPassword: string, hash: string): Promise<boolean>;
  /** True when the hash was made with weaker settings than the current ones. */
  needsRehash(hash: string): boolean;
  /**
   * A valid hash of no one's password at the current settings, to compare against when the
   * account does not exist, so that an unknown e-mail costs the same time as a wrong password.
   */
  readonly dummyHash: string;
}
