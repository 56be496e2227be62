import type { Email } from '../../domain/email.js';
import type { User } from '../../domain/user.js';

/**
 * Where accounts live. Look-ups by e-mail are case-insensitive (on `Email.canonical`).
 * Every method throws DependencyUnavailable when the store cannot be reached.
 */
export interface UserRepository {
  /** @throws EmailAlreadyRegistered when the canonical e-mail is taken, even by a concurrent add */
  add(user: User): Promise<void>;
  findByEmail(email: Email): Promise<User | null>;
  findById(id: string): Promise<User | null>;
  /** Saves the fields a User can change (hash, verification, password change time, disabled), not the login time. */
  update(user: User): Promise<void>;
  /** Sets the account's last login time alone (no read, no other field); an unknown id changes nothing. */
  recordLogin(userId: string, at: Date): Promise<void>;
}
