import type { RefreshTokenState } from '../../domain/refresh-token-presentation.js';

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
  /** A random secret of the family's own, from which its successor tokens are derived. */
  readonly successorKey: string;
  /** How the login that began it was proved (RFC 8176), kept for every access token of the family. */
  readonly amr: readonly string[];
  /** When that proof was made. */
  readonly authTime: Date;
}

export interface Rotation {
  readonly sessionId: string;
  readonly spent: string;
  readonly successor: string;
  readonly successorExpiresAt: Date;
  readonly now: Date;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

export interface SessionSummary {
  readonly id: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/**
 * Sessions: refresh-token families and their tokens. Tokens go in and out as given, but the
 * store keeps only their hashes, so that a leak of the store leaks no usable token. "Live" is
 * the domain's isLiveSession (not revoked, not at its maximum age, not idled out), the same
 * for `revokeOfUser`, `listLive` and `isLive`.
 * Every method throws DependencyUnavailable when the store cannot be reached.
 */
export interface SessionStore {
  /** Writes the family and its first token together, or neither. */
  start(session: NewSession): Promise<void>;
  findToken(token: string): Promise<RefreshTokenState | null>;
  /**
   * Spends `spent` and stores `successor` in the same family, atomically: the spend is a
   * conditional update, so of concurrent rotations of one token (on any instance sharing the
   * database) exactly one returns true; the others return false and write nothing.
   */
  rotate(rotation: Rotation): Promise<boolean>;
  /** Ends one family (idempotent). */
  revoke(sessionId: string, now: Date): Promise<void>;
  /** Ends one family if it is a live one of this user; false otherwise. */
  revokeOfUser(sessionId: string, userId: string, now: Date): Promise<boolean>;
  /** Ends every family of the user. */
  revokeAllOfUser(userId: string, now: Date): Promise<void>;
  /** Ends every family of the user but the one given (the caller's own). */
  revokeOthersOfUser(userId: string, keptSessionId: string, now: Date): Promise<void>;
  /** The user's live families, newest use first. */
  listLive(userId: string, now: Date): Promise<SessionSummary[]>;
  isLive(sessionId: string, now: Date): Promise<boolean>;
}
