import { Email } from '../../domain/email.js';
import { HashingBusy } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { CurrentPasswordCheck } from '../services/current-password-check.js';
import { admitToLogin, type LoginSettings } from '../services/login-admission.js';
import type { MfaChallengeIssuer } from '../services/mfa-challenge-issuer.js';
import type { SessionStarter, StartedSession } from '../services/session-starter.js';
import type { AuditTrail } from '../ports/audit-trail.js';

export interface LoginUserInput {
  readonly email: string;
  readonly password: string;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

export type LoginUserOutput = StartedSession;

export type { LoginSettings } from '../services/login-admission.js';

/**
 * Checks a password and starts a session (a refresh-token family) with its first token pair.
 * Refuses with InvalidEmail (malformed address), TooManyAttempts (past the account's ceiling
 * from all addresses too, whose owner is then mailed once), InvalidCredentials (one
 * answer for an unknown e-mail and a wrong password, at the cost of one hash comparison
 * either way) or, once the password matched, EmailNotVerified (with REQUIRE_VERIFIED_EMAIL) and
 * MfaRequired (an account with a second factor: the session waits for POST /auth/login/mfa).
 */
export class LoginUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwordCheck: CurrentPasswordCheck,
    private readonly sessionStarter: SessionStarter,
    private readonly secondStep: MfaChallengeIssuer,
    private readonly audit: AuditTrail,
    private readonly settings: LoginSettings = {},
  ) {}

  async execute(input: LoginUserInput): Promise<LoginUserOutput> {
    const email = Email.parse(input.email);
    const { user, password } = await this.passwordCheck.verify({ email, user: await this.users.findByEmail(email), password: input.password, ip: input.ip });
    // Only after the password matched: the refusal must not reveal which addresses exist.
    await admitToLogin(user, this.settings, this.audit);
    await this.upgradeHashIfWeak(user, password);
    await this.secondStep.demandIfEnrolled(user);
    return this.sessionStarter.start(user, input);
  }

  private async upgradeHashIfWeak(user: User, password: string): Promise<void> {
    if (!this.hasher.needsRehash(user.passwordHash)) return;
    try {
      await this.users.update(user.withRehashedPassword(await this.hasher.hash(password)));
    } catch (error) {
      // The password matched: a full hashing queue must not turn that into a 503. The weak
      // hash still verifies, and the next login upgrades it.
      if (!(error instanceof HashingBusy)) throw error;
    }
  }
}
