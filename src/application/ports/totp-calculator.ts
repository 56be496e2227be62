/**
 * RFC 6238 time-based one-time passwords as authenticator apps compute them: HMAC-SHA-1,
 * 6 digits, 30-second steps, a 160-bit secret (RFC 4226 §4 recommends it). Pure computation:
 * whether a step was used before is the store's business (RFC 6238 §5.2).
 */
export interface TotpCalculator {
  /** A new random secret, base32 (RFC 4648) without padding, as apps take it. */
  newSecret(): string;
  /** The otpauth:// Key URI an app reads (a QR code of it): otpauth://totp/{issuer}:{account}?secret=…&issuer=… */
  uri(input: { readonly secret: string; readonly issuer: string; readonly accountName: string }): string;
  /**
   * The time step (RFC 6238 T, from the Unix epoch) whose code this is, looking one step either
   * side of `at` for a clock that drifts or a code typed late; null when none matches.
   */
  matchingStep(secret: string, code: string, at: Date): number | null;
}
