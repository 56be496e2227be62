import { Secret, TOTP } from 'otpauth';
import type { TotpCalculator } from '../../application/ports/totp-calculator.js';

// RFC 6238 as every authenticator app defaults to it; apps that read other values from the
// URI often ignore them, so these are fixed rather than configurable.
const ALGORITHM = 'SHA1';
const DIGITS = 6;
const PERIOD_S = 30;
// RFC 6238 §5.2: one step back for a code typed late or a slow clock, one ahead for a fast one.
const WINDOW = 1;
const SECRET_BYTES = 20; // 160 bits (RFC 4226 §4, R6)
const CODE = /^\d{6}$/;

/** RFC 6238 through otpauth (maintained; its comparison runs in constant time). */
export class OtpauthTotpCalculator implements TotpCalculator {
  newSecret(): string {
    return new Secret({ size: SECRET_BYTES }).base32;
  }

  uri(input: { secret: string; issuer: string; accountName: string }): string {
    return this.totpOf(input.secret, input).toString();
  }

  matchingStep(secret: string, code: string, at: Date): number | null {
    if (!CODE.test(code)) return null;
    const timestamp = at.getTime();
    const delta = this.totpOf(secret).validate({ token: code, timestamp, window: WINDOW });
    return delta === null ? null : TOTP.counter({ period: PERIOD_S, timestamp }) + delta;
  }

  private totpOf(secret: string, label: { issuer?: string; accountName?: string } = {}): TOTP {
    return new TOTP({
      issuer: label.issuer,
      label: label.accountName,
      secret: Secret.fromBase32(secret),
      algorithm: ALGORITHM,
      digits: DIGITS,
      period: PERIOD_S,
    });
  }
}
