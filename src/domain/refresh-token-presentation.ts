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
}

/**
 * How to treat a presented refresh token (../shared/API.md, "Tokens"):
 * - `current`: unspent, in a live family: spend it and rotate;
 * - `retry`: the family's last spent token, again within the grace period while its
 *   successor is unused: answer the same successor (lost response, two tabs);
 * - `reuse`: any other presentation of a spent token: theft, revoke the family;
 * - `invalid`: unknown, expired, or its family ended.
 */
export type Presentation = 'current' | 'retry' | 'reuse' | 'invalid';

export function classifyPresentation(
  token: RefreshTokenState | null,
  successor: RefreshTokenState | null,
  now: Date,
  reuseGraceMs: number,
): Presentation {
  if (!token || token.sessionRevokedAt || token.sessionExpiresAt <= now) return 'invalid';
  if (!token.spentAt) return token.tokenExpiresAt <= now ? 'invalid' : 'current';
  // No grace means no retry at all, even for a spend stamped a moment "after" now (a
  // concurrent request, or an instance whose clock runs slightly ahead).
  const withinGrace = reuseGraceMs > 0 && now.getTime() - token.spentAt.getTime() < reuseGraceMs;
  const successorUnused = successor !== null && successor.sessionId === token.sessionId && !successor.spentAt;
  return withinGrace && successorUnused ? 'retry' : 'reuse';
}
