/**
 * Asks whether a password appears in a corpus of breached passwords (k-anonymity: only a
 * short hash prefix may leave the service).
 * @throws DependencyUnavailable when the corpus cannot be asked and the policy is to fail
 *   closed; an adapter that fails open answers false instead (and logs it).
 */
export interface BreachedPasswordChecker {
  isBreached(normalizedPassword: string): Promise<boolean>;
}
