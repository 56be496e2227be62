import { InvalidSecondFactor, TooManyAttempts } from '../../domain/errors.js';
import { normalizeRecoveryCode, type SecondFactorCode } from '../../domain/second-factor-code.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { AuditTrail } from '../ports/audit-trail.js';
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
    private readonly audit: AuditTrail,
  ) {}

  isEnrolled(userId: string): Promise<boolean> {
    return this.factors.isTotpActive(userId);
  }

  async verify(attempt: SecondFactorAttempt): Promise<SecondFactorCode['kind']> {
    try {
      await this.throttle.beforeSecondFactor(attempt.userId);
    } catch (error) {
      if (error instanceof TooManyAttempts) await this.failed(attempt, 'throttled');
      throw error;
    }
    if (attempt.judge === false) return this.refuse(attempt, 'dead_challenge');
    const matched = attempt.code.kind === 'totp' ? await this.spendTotp(attempt.userId, attempt.code.code) : await this.spendRecoveryCode(attempt);
    if (!matched) return this.refuse(attempt, 'wrong_code');
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
    // The spend and its event in one transaction: a code is never spent unrecorded.
    const remaining = await this.audit.recordWith(
      async () => ((await this.factors.useRecoveryCode(userId, normalizeRecoveryCode(attempt.code.code), this.clock.now())) ? this.factors.unusedRecoveryCodes(userId) : null),
      (left) => (left === null ? null : { type: 'recovery_code.used', userId, details: { remaining: left } }),
    );
    if (remaining === null) return false;
    this.events.recoveryCodeUsed({ userId, remaining, ip, userAgent });
    return true;
  }

  private async refuse(attempt: SecondFactorAttempt, reason: 'wrong_code' | 'dead_challenge'): Promise<never> {
    await this.failed(attempt, reason);
    throw new InvalidSecondFactor();
  }

  private failed(attempt: SecondFactorAttempt, reason: 'wrong_code' | 'throttled' | 'dead_challenge'): Promise<void> {
    return this.audit.record({ type: 'mfa.failed', userId: attempt.userId, details: { method: attempt.code.kind, reason } });
  }
}
