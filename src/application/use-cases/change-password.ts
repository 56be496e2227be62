import { InvalidAccessToken, InvalidCredentials } from '../../domain/errors.js';
import { fitsHashInput, normalizePassword } from '../../domain/password.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { NewPasswordCheck } from '../services/new-password-check.js';
import type { PasswordReplacement } from '../services/password-replacement.js';
import type { Principal } from './authenticate-access-token.js';

export interface ChangePasswordInput {
  readonly principal: Principal;
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly ip: string | null;
}

/**
 * Replaces the caller's password after checking the current one (a stolen access token alone
 * cannot take the account over). Every session ends, its access tokens with it, and every link
 * mailed before stops working (PasswordReplacement). Refuses with InvalidCredentials (wrong current password, counted as a
 * login failure), PasswordPolicyViolation on /newPassword, TooManyAttempts, InvalidAccessToken.
 */
export class ChangePassword {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly newPasswordCheck: NewPasswordCheck,
    private readonly replacement: PasswordReplacement,
    private readonly throttle: AttemptThrottle,
    private readonly clock: Clock,
  ) {}

  async execute(input: ChangePasswordInput): Promise<void> {
    const user = await this.users.findById(input.principal.userId);
    if (!user) throw new InvalidAccessToken();
    await this.throttle.beforeLogin(user.email.canonical, input.ip);
    const current = normalizePassword(input.currentPassword);
    if (!fitsHashInput(current) || !(await this.hasher.verify(current, user.passwordHash))) {
      throw new InvalidCredentials();
    }
    await this.throttle.loginSucceeded(user.email.canonical, input.ip);
    const password = await this.newPasswordCheck.check(input.newPassword, user.email, 'newPassword');
    const hash = await this.hasher.hash(password);
    await this.replacement.replace(user, hash, this.clock.now());
  }
}
