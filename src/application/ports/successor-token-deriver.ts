/**
 * The refresh token that succeeds a given one, derived rather than stored (e.g. an HMAC of
 * the token under its family's key): a retry of a spent token can be answered with the very
 * same successor while the store holds only hashes. Deterministic; unguessable without the
 * presented token itself.
 */
export interface SuccessorTokenDeriver {
  successorOf(token: string, familyKey: string): string;
}
