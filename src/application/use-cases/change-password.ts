import type { Clock } from '../ports/clock.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { CurrentPasswordCheck } from '../services/current-password-check.js';
import type { NewPasswordCheck } from '../services/new-password-check.js';
import type { PasswordReplacement } from '../services/password-replacement.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { Principal } from './authenticate-access-token.js';

export interface ChangePasswordInput {
  readonly principal: Principal;
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly ip: string | null;
}

/**
 * Replaces the caller's password after checking the current one (a stolen access token alone
 * cannot take the account over). Every session ends, its access tokens with it, and every
 * link mailed before stops working (PasswordReplacement). Refuses with InvalidCredentials
 * (wrong current password, counted as a login failure), TooManyAttempts,
 * PasswordPolicyViolation on /newPassword, InvalidAccessToken.
 */
export class ChangePassword {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwordCheck: CurrentPasswordCheck,
    private readonly newPasswordCheck: NewPasswordCheck,
    private readonly replacement: PasswordReplacement,
    private readonly clock: Clock,
  ) {}

  async execute(input: ChangePasswordInput): Promise<void> {
    const account = await userOfPrincipal(this.users, input.principal);
    const { user } = await this.passwordCheck.verify({ email: account.email, user: account, password: input.currentPassword, ip: input.ip });
    const password = await this.newPasswordCheck.check(input.newPassword, user.email, 'newPassword');
    const hash = await this.hasher.hash(password);
    await this.replacement.replace(user, hash, this.clock.now());
  }
}
