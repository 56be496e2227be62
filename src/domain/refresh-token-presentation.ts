import { hasSessionEnded, isLiveSession, type SessionLiveness } from './session-liveness.js';

/** What the store knows of a presented refresh token and its family. */
export interface RefreshTokenState {
  readonly sessionId: string;
  readonly userId: string;
  readonly tokenExpiresAt: Date;
  readonly spentAt: Date | null;
  readonly sessionExpiresAt: Date;
  readonly sessionRevokedAt: Date | null;
  /** The family's key for deriving successors (not a bearer credential: useless without a token). */
  readonly successorKey: string;
  /** The family's RFC 8176 methods and proof time, as its login recorded them. */
  readonly amr: readonly string[];
  readonly authTime: Date;
}

/**
 * How to treat a presented refresh token (docs/api.md, "Tokens"):
 * - `current`: unspent, in a live family: spend it and rotate;
 * - `retry`: the family's last spent token, again within the grace period while its
 *   successor is unused: answer the same successor (lost response, two tabs);
 * - `reuse`: any other presentation of a spent token: theft, revoke the family;
 * - `invalid`: unknown, expired, or its family ended (session-liveness.ts).
 */
export type Presentation = 'current' | 'retry' | 'reuse' | 'invalid';

export function classifyPresentation(
  token: RefreshTokenState | null,
  successor: RefreshTokenState | null,
  now: Date,
  reuseGraceMs: number,
): Presentation {
  if (!token) return 'invalid';
  // An unspent token is the one its family holds: the session is live by it, or has ended.
  if (!token.spentAt) return isLiveSession(livenessHeldBy(token, token), now) ? 'current' : 'invalid';
  if (hasSessionEnded({ revokedAt: token.sessionRevokedAt, expiresAt: token.sessionExpiresAt }, now)) return 'invalid';
  // No grace means no retry at all, even for a spend stamped a moment "after" now (a
  // concurrent request, or an instance whose clock runs slightly ahead).
  const withinGrace = reuseGraceMs > 0 && now.getTime() - token.spentAt.getTime() < reuseGraceMs;
  const successorUnused = successor !== null && successor.sessionId === token.sessionId && !successor.spentAt;
  if (!withinGrace || !successorUnused) return 'reuse';
  // A retry hands the successor out again: only while the session it holds is live.
  return isLiveSession(livenessHeldBy(token, successor), now) ? 'retry' : 'invalid';
}

/** The liveness of `token`'s family when `unspent` is the token it holds. */
function livenessHeldBy(token: RefreshTokenState, unspent: RefreshTokenState): SessionLiveness {
  return { revokedAt: token.sessionRevokedAt, expiresAt: token.sessionExpiresAt, unspentTokenExpiresAt: unspent.tokenExpiresAt };
}
