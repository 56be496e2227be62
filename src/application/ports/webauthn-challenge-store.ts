import type { WebAuthnPurpose } from '../../domain/passkey.js';

/**
 * Pending WebAuthn challenges, server-side (any instance can finish a ceremony another began),
 * kept as hashes and bound to their purpose. Throws DependencyUnavailable when unreachable.
 */
export interface WebAuthnChallengeStore {
  add(challenge: { readonly challenge: string; readonly purpose: WebAuthnPurpose; readonly expiresAt: Date; readonly now: Date }): Promise<void>;
  /**
   * Spends the challenge if it was issued for exactly this purpose and has not expired, by one
   * conditional delete: of concurrent consumptions exactly one returns true.
   */
  consume(challenge: string, purpose: WebAuthnPurpose, now: Date): Promise<boolean>;
}
