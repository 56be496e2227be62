import { InvalidSecondFactor } from '../../domain/errors.js';
import { normalizeRecoveryCode, type SecondFactorCode } from '../../domain/second-factor-code.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { SecondFactorStore } from '../ports/second-factor-store.js';
import type { SecurityEventLog } from '../ports/security-event-log.js';
import type { TotpCalculator } from '../ports/totp-calculator.js';

export interface SecondFactorAttempt {
  readonly userId: string;
  readonly code: SecondFactorCode;
  readonly ip: string | null;
  readonly userAgent: string | null;
  /**
   * False: refuse it like a wrong code, once counted (the login step it came with is dead), so
   * that past the limit its answer is the same 429 as any other.
   */
  readonly judge?: boolean;
}

/**
 * The one check of a second-factor code, at login's second step, re-authentication and reset.
 * The attempt is counted per account before it is judged; a TOTP code's step and a recovery
 * code are each spent by one conditional write, so a code works once (RFC 6238 §5.2, ASVS
 * 6.5.1), even for two requests at once. A spent recovery code is a security event.
 * Refuses with TooManyAttempts or InvalidSecondFactor.
 * @returns the method the code proved
 */
export class SecondFactorCheck {
  constructor(
    private readonly factors: SecondFactorStore,
    private readonly totp: TotpCalculator,
    private readonly throttle: AttemptThrottle,
    private readonly events: SecurityEventLog,
    private readonly clock: Clock,
  ) {}

  isEnrolled(userId: string): Promise<boolean> {
    return this.factors.isTotpActive(userId);
  }

  async verify(attempt: SecondFactorAttempt): Promise<SecondFactorCode['kind']> {
    await this.throttle.beforeSecondFactor(attempt.userId);
    if (attempt.judge === false) throw new InvalidSecondFactor();
    const matched = attempt.code.kind === 'totp' ? await this.spendTotp(attempt.userId, attempt.code.code) : await this.spendRecoveryCode(attempt);
    if (!matched) throw new InvalidSecondFactor();
    await this.throttle.secondFactorSucceeded(attempt.userId);
    return attempt.code.kind;
  }

  private async spendTotp(userId: string, code: string): Promise<boolean> {
    const factor = await this.factors.findTotp(userId);
    if (!factor?.confirmed) return false;
    const step = this.totp.matchingStep(factor.secret, code, this.clock.now());
    // A step at or before the last one used is refused by the store's conditional write.
    return step !== null && this.factors.useTotpStep(userId, step);
  }

  private async spendRecoveryCode(attempt: SecondFactorAttempt): Promise<boolean> {
    const { userId, ip, userAgent } = attempt;
    if (!(await this.factors.useRecoveryCode(userId, normalizeRecoveryCode(attempt.code.code), this.clock.now()))) return false;
    this.events.recoveryCodeUsed({ userId, remaining: await this.factors.unusedRecoveryCodes(userId), ip, userAgent });
    return true;
  }
}
