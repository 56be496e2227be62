/**
 * The refresh token that succeeds a given one, derived rather than stored (e.g. an HMAC under
 * a server secret): a retry of a spent token can be answered with the very same successor
 * while the store holds only hashes. Deterministic; unguessable without the secret.
 */
export interface SuccessorTokenDeriver {
  successorOf(token: string): string;
}
