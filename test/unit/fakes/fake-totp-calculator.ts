import type { TotpCalculator } from '../../../src/application/ports/totp-calculator.js';

const STEP_MS = 30_000;

/**
 * TOTP arithmetic a test can do in its head: the code of step T under secret `SECRET<n>` is
 * the last six digits of T + n·1000, accepted one step either side of the clock. (The real
 * arithmetic is the adapter's, checked against RFC 6238's vectors.)
 */
export class FakeTotpCalculator implements TotpCalculator {
  private issued = 0;

  newSecret(): string {
    this.issued += 1;
    return `SECRET${this.issued}`;
  }

  uri(input: { secret: string; issuer: string; accountName: string }): string {
    return `otpauth://totp/${input.issuer}:${input.accountName}?secret=${input.secret}&issuer=${input.issuer}`;
  }

  matchingStep(secret: string, code: string, at: Date): number | null {
    const now = Math.floor(at.getTime() / STEP_MS);
    return [now - 1, now, now + 1].find((step) => codeOf(secret, step) === code) ?? null;
  }
}

/** The code an app holding `secret` shows at `at`, `offsetSteps` steps later. */
export function codeAt(secret: string, at: Date, offsetSteps = 0): string {
  return codeOf(secret, Math.floor(at.getTime() / STEP_MS) + offsetSteps);
}

export const stepAt = (at: Date) => Math.floor(at.getTime() / STEP_MS);

function codeOf(secret: string, step: number): string {
  const n = Number(/^SECRET(\d+)$/.exec(secret)?.[1] ?? Number.NaN);
  return Number.isNaN(n) ? '' : String((step + n * 1000) % 1_000_000).padStart(6, '0');
}
