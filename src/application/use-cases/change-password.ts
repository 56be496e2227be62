import type { Clock } from '../ports/clock.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { NewPasswordCheck } from '../services/new-password-check.js';
import type { PasswordReplacement } from '../services/password-replacement.js';
import type { Reauthentication } from '../services/reauthentication.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { Principal } from './authenticate-access-token.js';

export interface ChangePasswordInput {
  readonly principal: Principal;
  readonly currentPassword: string;
  readonly newPassword: string;
  /** A TOTP code or a recovery code; needed when the account has TOTP. */
  readonly code?: string;
  readonly ip: string | null;
}

/**
 * Replaces the caller's password after checking the current one (a stolen access token alone
 * cannot take the account over), and a code when the account has TOTP (Reauthentication). Every session ends, its access tokens with it, and every
 * link mailed before stops working (PasswordReplacement). Refuses with InvalidCredentials
 * (wrong current password, or a missing or wrong code, counted as a login failure), TooManyAttempts,
 * PasswordPolicyViolation on /newPassword, InvalidAccessToken.
 */
export class ChangePassword {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly reauthentication: Reauthentication,
    private readonly newPasswordCheck: NewPasswordCheck,
    private readonly replacement: PasswordReplacement,
    private readonly clock: Clock,
  ) {}

  async execute(input: ChangePasswordInput): Promise<void> {
    const account = await userOfPrincipal(this.users, input.principal);
    const user = await this.reauthentication.verify({ user: account, currentPassword: input.currentPassword, code: input.code, ip: input.ip });
    const password = await this.newPasswordCheck.check(input.newPassword, user.email, 'newPassword');
    const hash = await this.hasher.hash(password);
    await this.replacement.replace(user, hash, this.clock.now(), 'password.changed');
  }
}
