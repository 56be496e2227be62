import type { MfaChallenge } from '../../domain/mfa-challenge.js';

/**
 * The pending second steps of logins (`mfaToken`s): kept only as hashes, like refresh tokens.
 * Throws DependencyUnavailable when the store is unreachable.
 */
export interface MfaChallengeStore {
  add(challenge: { readonly token: string; readonly userId: string; readonly expiresAt: Date; readonly now: Date }): Promise<void>;
  /** The challenge of this token, live or not; null for an unknown token. */
  find(token: string): Promise<MfaChallenge | null>;
  /** Spends it if it is still live (isLiveChallenge): exactly one of concurrent spends returns true. */
  spend(token: string, now: Date, maxFailures: number): Promise<boolean>;
  /** One more wrong code presented with it. */
  countFailure(token: string): Promise<void>;
}
