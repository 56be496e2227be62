export interface AccessTokenClaims {
  readonly userId: string;
  readonly sessionId: string;
  /** When the token was signed: its iat, whole seconds. */
  readonly issuedAt: Date;
}

/**
 * Checks signature (pinned algorithm and key), issuer, audience and expiry.
 * @throws InvalidAccessToken for anything that is not a valid, current token of ours
 */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessTokenClaims>;
}
