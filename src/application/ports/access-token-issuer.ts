export interface AccessTokenRequest {
  readonly userId: string;
  /** The session (refresh-token family) the token belongs to: its `sid` claim. */
  readonly sessionId: string;
}

export interface IssuedAccessToken {
  readonly token: string;
  /** Lifetime in seconds, as the token response's `expires_in`. */
  readonly expiresIn: number;
}

/** Signs short-lived access tokens (a compact JWS with sub, sid, iat, exp, iss, aud, jti). */
export interface AccessTokenIssuer {
  issue(request: AccessTokenRequest): Promise<IssuedAccessToken>;
}
