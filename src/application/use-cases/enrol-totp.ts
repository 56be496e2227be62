import { TotpAlreadyEnabled } from '../../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { SecondFactorStore } from '../ports/second-factor-store.js';
import type { TotpCalculator } from '../ports/totp-calculator.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { CurrentPasswordCheck } from '../services/current-password-check.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { Principal } from './authenticate-access-token.js';

export interface EnrolTotpInput {
  readonly principal: Principal;
  readonly currentPassword: string;
  readonly ip: string | null;
}

export interface EnrolTotpOutput {
  /** Base32, for an app that cannot read the URI. */
  readonly secret: string;
  readonly otpauthUri: string;
}

/**
 * Begins setting up an authenticator app: a new secret, not guarding the account until a first
 * code confirms it (ConfirmTotp); a new call replaces an unconfirmed one. Needs the current
 * password (a stolen access token alone cannot add a factor the thief holds).
 * Refuses with InvalidCredentials (counted as a failed login), TooManyAttempts, TotpAlreadyEnabled.
 */
export class EnrolTotp {
  constructor(
    private readonly users: UserRepository,
    private readonly passwordCheck: CurrentPasswordCheck,
    private readonly factors: SecondFactorStore,
    private readonly totp: TotpCalculator,
    private readonly clock: Clock,
    private readonly issuer: string,
  ) {}

  async execute(input: EnrolTotpInput): Promise<EnrolTotpOutput> {
    const account = await userOfPrincipal(this.users, input.principal);
    const { user } = await this.passwordCheck.verify({ email: account.email, user: account, password: input.currentPassword, ip: input.ip });
    const secret = this.totp.newSecret();
    if (!(await this.factors.enrolTotp(user.id, secret, this.clock.now()))) throw new TotpAlreadyEnabled();
    return { secret, otpauthUri: this.totp.uri({ secret, issuer: this.issuer, accountName: user.email.value }) };
  }
}
