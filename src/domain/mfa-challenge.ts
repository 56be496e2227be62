/** The second step a login with a right password awaits (its `mfaToken`). */
export interface MfaChallenge {
  readonly userId: string;
  readonly expiresAt: Date;
  readonly spentAt: Date | null;
  /** Wrong codes presented with it so far. */
  readonly failures: number;
}

/** How long the second step may take (API.md: 5 minutes). */
export const MFA_CHALLENGE_TTL_MS = 5 * 60_000;

/** Live: not spent by a success, not expired, and fewer wrong codes than MFA_MAX_FAILURES. */
export function isLiveChallenge(challenge: MfaChallenge, now: Date, maxFailures: number): boolean {
  return challenge.spentAt === null && challenge.expiresAt.getTime() > now.getTime() && challenge.failures < maxFailures;
}
