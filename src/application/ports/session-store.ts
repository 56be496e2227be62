export interface NewSession {
  /** The refresh-token family id, carried as `sid` in access tokens. */
  readonly id: string;
  readonly userId: string;
  /** The family's first refresh token; the store keeps only its hash. */
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
  /** The family ends then however often it is refreshed (SESSION_MAX_AGE). */
  readonly expiresAt: Date;
  readonly createdAt: Date;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/**
 * Sessions: refresh-token families and their tokens. Tokens are stored hashed, so that a
 * leak of the store leaks no usable token.
 * @throws DependencyUnavailable when the store cannot be reached
 */
export interface SessionStore {
  start(session: NewSession): Promise<void>;
}
