import { Email } from '../../domain/email.js';
import { EmailAlreadyRegistered } from '../../domain/errors.js';
import { User } from '../../domain/user.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { NewPasswordCheck } from '../services/new-password-check.js';
import type { VerificationLinkSender } from '../services/verification-link-sender.js';
import type { AuditTrail } from '../ports/audit-trail.js';

export interface RegisterUserInput {
  readonly email: string;
  readonly password: string;
  readonly ip: string | null;
}

/**
 * Opens an account.
 * Refuses with InvalidEmail, PasswordPolicyViolation (including a breached password) or
 * EmailAlreadyRegistered; TooManyAttempts; DependencyUnavailable when the breach check fails closed.
 */
export class RegisterUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly newPassword: NewPasswordCheck,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly throttle: AttemptThrottle,
    private readonly audit: AuditTrail,
    /** Mails a verification link at once when a mail server is configured; null: on request only. */
    private readonly verificationLinks: VerificationLinkSender | null = null,
  ) {}

  async execute(input: RegisterUserInput): Promise<User> {
    const email = Email.parse(input.email);
    // Counted before the breach check, so that a flood of sign-ups cannot drive outbound
    // calls (and trip the breaker for everyone).
    await this.throttle.beforeRegistration(input.ip);
    const password = await this.newPassword.check(input.password, email);
    // A cheap early answer; the unique index decides when two registrations race.
    if (await this.users.findByEmail(email)) throw new EmailAlreadyRegistered();
    const user = User.register({
      id: this.ids.newId(),
      email,
      passwordHash: await this.hasher.hash(password),
      now: this.clock.now(),
    });
    await this.audit.recordWith(() => this.users.add(user), () => ({ type: 'user.registered', userId: user.id, details: { by: 'self', emailVerified: false } }));
    await this.verificationLinks?.send(user);
    return user;
  }
}
