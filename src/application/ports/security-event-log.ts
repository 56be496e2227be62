/** Events a security team must see, kept apart from ordinary request logs. Never throws. */
export interface SecurityEventLog {
  /** A spent refresh token came back outside the retry rule: its family was revoked. */
  refreshTokenReused(event: { userId: string; sessionId: string; ip: string | null; userAgent: string | null }): void;
  /** A recovery code was spent: the way back in without the authenticator, so its owner may have lost it, or someone else has the codes. */
  recoveryCodeUsed(event: { userId: string; remaining: number; ip: string | null; userAgent: string | null }): void;
  /**
   * A passkey's valid assertion carried a signature counter that did not grow (WebAuthn Level 3
   * §6.1.1): the authenticator may have been cloned. The assertion was refused.
   */
  passkeyCounterRegressed(event: { userId: string; credentialId: string; storedCounter: number; presentedCounter: number; ip: string | null; userAgent: string | null }): void;
}
