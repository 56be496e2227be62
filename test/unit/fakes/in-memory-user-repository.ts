import type { UserRepository } from '../../../src/application/ports/user-repository.js';
import type { Email } from '../../../src/domain/email.js';
import { EmailAlreadyRegistered } from '../../../src/domain/errors.js';
import { User, type UserProps } from '../../../src/domain/user.js';

/**
 * Accounts in memory. Like the real store's unique index, it holds one account per canonical
 * e-mail, and the check and the insert happen in one step, so that two racing adds cannot both win.
 */
export class InMemoryUserRepository implements UserRepository {
  private readonly byId = new Map<string, User>();

  async add(user: User): Promise<void> {
    // The real adapter maps any unique-key violation (id or canonical e-mail) to this error.
    if (this.byId.has(user.id) || this.withCanonical(user.email.canonical)) throw new EmailAlreadyRegistered();
    this.byId.set(user.id, user);
  }

  async findByEmail(email: Email): Promise<User | null> {
    return this.withCanonical(email.canonical);
  }

  async findById(id: string): Promise<User | null> {
    return this.byId.get(id) ?? null;
  }

  async update(user: User): Promise<void> {
    // Like an UPDATE ... WHERE id = ?, an unknown id changes nothing; like the unique index,
    // an address another account holds is refused in the same step.
    const holder = this.withCanonical(user.email.canonical);
    if (holder && holder.id !== user.id) throw new EmailAlreadyRegistered();
    if (this.byId.has(user.id)) this.byId.set(user.id, user);
  }

  async recordLogin(userId: string, at: Date): Promise<void> {
    const user = this.byId.get(userId);
    if (user) this.byId.set(userId, User.restore({ ...propsOf(user), lastLoginAt: at }));
  }

  /** Test set-up: the account is deleted behind the use case's back. */
  delete(id: string): void {
    this.byId.delete(id);
  }

  all(): User[] {
    return [...this.byId.values()];
  }

  private withCanonical(canonical: string): User | null {
    return this.all().find((user) => user.email.canonical === canonical) ?? null;
  }
}

const propsOf = (user: User): UserProps => ({
  id: user.id,
  email: user.email,
  passwordHash: user.passwordHash,
  emailVerifiedAt: user.emailVerifiedAt,
  passwordChangedAt: user.passwordChangedAt,
  createdAt: user.createdAt,
  disabledAt: user.disabledAt,
  lastLoginAt: user.lastLoginAt,
});
