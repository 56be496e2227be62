/** Events a security team must see, kept apart from ordinary request logs. Never throws. */
export interface SecurityEventLog {
  /** A spent refresh token came back outside the retry rule: its family was revoked. */
  refreshTokenReused(event: { userId: string; sessionId: string; ip: string | null; userAgent: string | null }): void;
}
