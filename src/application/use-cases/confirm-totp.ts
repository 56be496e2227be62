import { InvalidSecondFactor, NoTotpToConfirm } from '../../domain/errors.js';
import { normalizeRecoveryCode } from '../../domain/second-factor-code.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { RecoveryCodeGenerator } from '../ports/recovery-code-generator.js';
import type { SecondFactorStore } from '../ports/second-factor-store.js';
import type { SessionStore } from '../ports/session-store.js';
import type { TotpCalculator } from '../ports/totp-calculator.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { AccountNotice } from '../services/account-notice.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { Principal } from './authenticate-access-token.js';
import type { AuditTrail } from '../ports/audit-trail.js';

/** API.md: 10 recovery codes per set. */
export const RECOVERY_CODES_PER_SET = 10;

export interface ConfirmTotpInput {
  readonly principal: Principal;
  readonly code: string;
}

/**
 * Turns an enrolled authenticator app on with its first code (proof that the app holds the
 * secret), answers a set of recovery codes, shown this once, and ends every other session of
 * the user: whoever else was logged in now needs the second factor. The code's step counts as
 * used; the owner is mailed a notice. Refuses with NoTotpToConfirm, TooManyAttempts,
 * InvalidSecondFactor, InvalidAccessToken.
 */
export class ConfirmTotp {
  constructor(
    private readonly users: UserRepository,
    private readonly factors: SecondFactorStore,
    private readonly totp: TotpCalculator,
    private readonly throttle: AttemptThrottle,
    private readonly recoveryCodes: RecoveryCodeGenerator,
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
    private readonly notices: AccountNotice,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: ConfirmTotpInput): Promise<{ recoveryCodes: string[] }> {
    const { userId, sessionId } = input.principal;
    const factor = await this.factors.findTotp(userId);
    if (!factor || factor.confirmed) throw new NoTotpToConfirm();
    await this.throttle.beforeSecondFactor(userId);
    const now = this.clock.now();
    const step = this.totp.matchingStep(factor.secret, input.code.replace(/[\s-]/g, ''), now);
    if (step === null) throw new InvalidSecondFactor();
    const recoveryCodes = Array.from({ length: RECOVERY_CODES_PER_SET }, () => this.recoveryCodes.generate());
    const confirmed = await this.audit.recordWith(
      () => this.factors.confirmTotp(userId, step, recoveryCodes.map(normalizeRecoveryCode), now),
      (ok) =>
        ok
          ? [
              { type: 'mfa.enabled', userId, sessionId, details: { method: 'totp' } },
              { type: 'recovery_codes.generated', userId, sessionId, details: { count: recoveryCodes.length } },
            ]
          : null,
    );
    if (!confirmed) throw new NoTotpToConfirm();
    await this.throttle.secondFactorSucceeded(userId);
    await this.sessions.revokeOthersOfUser(userId, sessionId, now);
    await this.notices.secondFactorAdded(await userOfPrincipal(this.users, input.principal), 'totp');
    return { recoveryCodes };
  }
}
