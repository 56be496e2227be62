export interface AccessTokenClaims {
  readonly userId: string;
  readonly sessionId: string;
  /** When the token was signed, to the millisecond when the issuer recorded it. */
  readonly issuedAt: Date;
}

/**
 * Checks signature (pinned algorithm and key), issuer, audience and expiry.
 * @throws InvalidAccessToken for anything that is not a valid, current token of ours
 */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessTokenClaims>;
}
