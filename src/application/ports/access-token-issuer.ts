export interface AccessTokenRequest {
  readonly userId: string;
  /** The session (refresh-token family) the token belongs to: its `sid` claim. */
  readonly sessionId: string;
  /** RFC 8176 methods the session's user proved: its `amr` claim (["pwd"], ["pwd","otp","mfa"]). */
  readonly amr: readonly string[];
  /** When the session's user last proved a factor: its `auth_time` claim (whole seconds). */
  readonly authTime: Date;
}

export interface IssuedAccessToken {
  readonly token: string;
  /** Lifetime in seconds, as the token response's `expires_in`. */
  readonly expiresIn: number;
}

/** Signs short-lived access tokens (a compact JWS with sub, sid, iat, exp, iss, aud, jti, amr, auth_time). */
export interface AccessTokenIssuer {
  issue(request: AccessTokenRequest): Promise<IssuedAccessToken>;
}
