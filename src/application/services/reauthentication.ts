import { InvalidCredentials, InvalidSecondFactor } from '../../domain/errors.js';
import { readSecondFactorCode } from '../../domain/second-factor-code.js';
import type { User } from '../../domain/user.js';
import type { CurrentPasswordCheck } from './current-password-check.js';
import type { SecondFactorCheck } from './second-factor-check.js';

export interface ReauthenticationInput {
  readonly user: User;
  readonly currentPassword: string;
  /** A TOTP code or a recovery code; needed when the account has TOTP. */
  readonly code?: string;
  readonly ip: string | null;
  readonly userAgent?: string | null;
}

/**
 * The re-authentication rule (API.md "Second factors"): changing a factor or the account needs
 * the current password and, when the account has TOTP, a code as well, so that neither a
 * stolen access token nor a stolen password alone can do it. The code is judged before the
 * password's success is recorded, so a missing or wrong one leaves the attempt counted as a
 * failed login. Refuses with InvalidCredentials (one answer for a wrong password and a missing
 * or wrong code) or TooManyAttempts.
 * @returns the account, as checked
 */
export class Reauthentication {
  constructor(
    private readonly passwordCheck: CurrentPasswordCheck,
    private readonly secondFactor: SecondFactorCheck,
  ) {}

  async verify(input: ReauthenticationInput): Promise<User> {
    const { user } = input;
    const checked = await this.passwordCheck.verify(
      { email: user.email, user, password: input.currentPassword, ip: input.ip, during: 'reauthentication' },
      () => this.proveSecondFactor(input),
    );
    return checked.user;
  }

  private async proveSecondFactor(input: ReauthenticationInput): Promise<void> {
    if (!(await this.secondFactor.isEnrolled(input.user.id))) return;
    if (!input.code) throw new InvalidCredentials();
    try {
      await this.secondFactor.verify({ userId: input.user.id, code: readSecondFactorCode(input.code), ip: input.ip, userAgent: input.userAgent ?? null });
    } catch (error) {
      if (error instanceof InvalidSecondFactor) throw new InvalidCredentials();
      throw error;
    }
  }
}
