import { Email } from '../../domain/email.js';
import { EmailAlreadyRegistered } from '../../domain/errors.js';
import type { PasswordPolicy } from '../../domain/password.js';
import { User } from '../../domain/user.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { UserRepository } from '../ports/user-repository.js';

export interface RegisterUserInput {
  readonly email: string;
  readonly password: string;
}

/**
 * Opens an account.
 * Refuses with InvalidEmail, PasswordPolicyViolation or EmailAlreadyRegistered.
 */
export class RegisterUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(input: RegisterUserInput): Promise<User> {
    const email = Email.parse(input.email);
    const password = this.policy.check(input.password, email);
    // A cheap early answer; the unique index decides when two registrations race.
    if (await this.users.findByEmail(email)) throw new EmailAlreadyRegistered();
    const user = User.register({
      id: this.ids.newId(),
      email,
      passwordHash: await this.hasher.hash(password),
      now: this.clock.now(),
    });
    await this.users.add(user);
    return user;
  }
}
