import { Email } from '../../domain/email.js';
import { EmailAlreadyRegistered } from '../../domain/errors.js';
import { User } from '../../domain/user.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { NewPasswordCheck } from '../services/new-password-check.js';
import type { AuditTrail } from '../ports/audit-trail.js';

export interface CreateUserInput {
  readonly email: string;
  readonly password: string;
  /** The administrator vouches for the address: no verification link is needed. */
  readonly emailVerified?: boolean;
}

export interface CreateUserPorts {
  readonly users: UserRepository;
  readonly hasher: PasswordHasher;
  readonly newPassword: NewPasswordCheck;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly audit: AuditTrail;
}

/**
 * Admin API: opens an account as registration does, under the same password policy and breach
 * check, without the per-address throttle (the caller holds the admin key).
 * Refuses with InvalidEmail, PasswordPolicyViolation or EmailAlreadyRegistered;
 * DependencyUnavailable when the breach check fails closed.
 */
export class CreateUser {
  constructor(private readonly ports: CreateUserPorts) {}

  async execute(input: CreateUserInput): Promise<User> {
    const { users, hasher, newPassword, ids, clock, audit } = this.ports;
    const email = Email.parse(input.email);
    const password = await newPassword.check(input.password, email);
    if (await users.findByEmail(email)) throw new EmailAlreadyRegistered();
    const now = clock.now();
    const registered = User.register({ id: ids.newId(), email, passwordHash: await hasher.hash(password), now });
    const user = input.emailVerified ? registered.withVerifiedEmail(now) : registered;
    await audit.recordWith(() => users.add(user), () => ({ type: 'user.registered', userId: user.id, details: { by: 'admin', emailVerified: user.emailVerified } }));
    return user;
  }
}
