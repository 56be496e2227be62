import { NoSecondFactor } from '../../domain/errors.js';
import { normalizeRecoveryCode } from '../../domain/second-factor-code.js';
import type { Clock } from '../ports/clock.js';
import type { RecoveryCodeGenerator } from '../ports/recovery-code-generator.js';
import type { SecondFactorStore } from '../ports/second-factor-store.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { Reauthentication } from '../services/reauthentication.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import { RECOVERY_CODES_PER_SET } from './confirm-totp.js';
import type { ReauthenticatedInput } from './disable-totp.js';
import type { AuditTrail } from '../ports/audit-trail.js';

/**
 * A new set of recovery codes in place of the old one (every old code stops working), shown
 * this once. Needs re-authentication. Refuses with InvalidCredentials, TooManyAttempts,
 * NoSecondFactor (no TOTP: recovery codes would guard nothing), InvalidAccessToken.
 */
export class RegenerateRecoveryCodes {
  constructor(
    private readonly users: UserRepository,
    private readonly reauthentication: Reauthentication,
    private readonly factors: SecondFactorStore,
    private readonly recoveryCodes: RecoveryCodeGenerator,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: ReauthenticatedInput): Promise<{ recoveryCodes: string[] }> {
    const user = await this.reauthentication.verify({ user: await userOfPrincipal(this.users, input.principal), ...input });
    if (!(await this.factors.isTotpActive(user.id))) throw new NoSecondFactor();
    const recoveryCodes = Array.from({ length: RECOVERY_CODES_PER_SET }, () => this.recoveryCodes.generate());
    await this.audit.recordWith(
      () => this.factors.replaceRecoveryCodes(user.id, recoveryCodes.map(normalizeRecoveryCode), this.clock.now()),
      () => ({ type: 'recovery_codes.generated', userId: user.id, sessionId: input.principal.sessionId, details: { count: recoveryCodes.length } }),
    );
    return { recoveryCodes };
  }
}
