import { InvalidRecoveryToken, MfaRequired } from '../../domain/errors.js';
import { readSecondFactorCode, TOTP_METHODS } from '../../domain/second-factor-code.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { NewPasswordCheck } from '../services/new-password-check.js';
import type { PasswordReplacement } from '../services/password-replacement.js';
import type { SecondFactorCheck } from '../services/second-factor-check.js';

export interface ResetPasswordInput {
  readonly token: string;
  readonly newPassword: string;
  /** A TOTP code or a recovery code; needed when the account has TOTP. */
  readonly code?: string;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

/**
 * Sets a new password with a mailed reset token. The password is checked before the token
 * is spent, so a refused password leaves the link usable. Every session of the user ends, its
 * access tokens with it, and every other link mailed before stops working (PasswordReplacement).
 * Refuses with InvalidRecoveryToken (spent, expired, superseded or unknown) or
 * PasswordPolicyViolation on /newPassword; for an account with TOTP, MfaRequired without `code`,
 * InvalidSecondFactor or TooManyAttempts for a wrong one.
 */
export class ResetPassword {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenStore,
    private readonly hasher: PasswordHasher,
    private readonly newPasswordCheck: NewPasswordCheck,
    private readonly replacement: PasswordReplacement,
    private readonly clock: Clock,
    private readonly throttle: AttemptThrottle,
    private readonly secondFactor: SecondFactorCheck,
  ) {}

  async execute(input: ResetPasswordInput): Promise<void> {
    const now = this.clock.now();
    const userId = await this.tokens.findValid(input.token, 'password_reset', now);
    const user = userId ? await this.users.findById(userId) : null;
    if (!user) throw new InvalidRecoveryToken();
    const password = await this.newPasswordCheck.check(input.newPassword, user.email, 'newPassword');
    await this.proveSecondFactor(user.id, input);
    const hash = await this.hasher.hash(password);
    if (!(await this.tokens.consume(input.token, 'password_reset', now))) throw new InvalidRecoveryToken();
    // Following the link proved the address, too.
    await this.replacement.replace(user.withVerifiedEmail(now), hash, now, 'password.reset');
    await this.throttle.passwordWasReset(user.email.canonical); // the owner is back: lift the login ceiling
  }

  // ASVS 6.4.3: the mailbox alone must not undo the second factor. Before the token is spent,
  // so that a missing or wrong code leaves the link usable.
  private async proveSecondFactor(userId: string, input: ResetPasswordInput): Promise<void> {
    if (!(await this.secondFactor.isEnrolled(userId))) return;
    if (!input.code) throw new MfaRequired(TOTP_METHODS);
    await this.secondFactor.verify({ userId, code: readSecondFactorCode(input.code), ip: input.ip ?? null, userAgent: input.userAgent ?? null });
  }
}
