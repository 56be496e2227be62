import type { Email } from '../../domain/email.js';
import { AccountCeilingReached, HashingBusy, InvalidCredentials, TooManyAttempts } from '../../domain/errors.js';
import { fitsHashInput, normalizePassword } from '../../domain/password.js';
import type { User } from '../../domain/user.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { LoginCeilingNotice } from './login-ceiling-notice.js';

export interface CurrentPasswordProof {
  /** The address typed (login) or the account's own (re-authentication): what is counted. */
  readonly email: Email;
  /** The account, or null when no account has that address (then a dummy hash is compared). */
  readonly user: User | null;
  readonly password: string;
  readonly ip: string | null;
  /** What the audit log calls the attempt; login when absent. */
  readonly during?: 'login' | 'reauthentication';
}

/**
 * The one check of a password someone claims is the account's current one: at login and at
 * every re-authentication (password change, soon factor and account changes). The attempt is
 * counted before it is judged, so that parallel guesses cannot slip past a limit; the owner is
 * mailed once when the account-wide ceiling is reached; an unknown account costs one hash
 * comparison like a wrong password. Refuses with TooManyAttempts or InvalidCredentials.
 * `alsoRequired` (re-authentication's second factor) runs once the password matched and before
 * the success is recorded: if it refuses, the attempt stays counted as a failed login.
 * @returns the account and the normalised password (the form to rehash)
 */
export class CurrentPasswordCheck {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly throttle: AttemptThrottle,
    private readonly ceilingNotice: LoginCeilingNotice,
    private readonly audit: AuditTrail,
  ) {}

  async verify(proof: CurrentPasswordProof, alsoRequired?: (user: User) => Promise<void>): Promise<{ user: User; password: string }> {
    await this.countAttempt(proof);
    const password = normalizePassword(proof.password);
    // A password bcrypt would truncate can never be the stored one; compare anyway for timing.
    const comparable = fitsHashInput(password) ? password : '';
    const matches = await this.compared(proof, comparable);
    if (!matches || comparable !== password || !proof.user) {
      await this.failed(proof, proof.user ? 'wrong_password' : 'unknown_email');
      throw new InvalidCredentials();
    }
    try {
      await alsoRequired?.(proof.user);
    } catch (error) {
      if (error instanceof InvalidCredentials) await this.failed(proof, 'second_factor');
      throw error;
    }
    await this.throttle.loginSucceeded(proof.email.canonical, proof.ip);
    return { user: proof.user, password };
  }

  /** The comparison; one the hashing queue turns away (HashingBusy, 503) was no guess, so its points go back. */
  private async compared(proof: CurrentPasswordProof, comparable: string): Promise<boolean> {
    try {
      return await this.hasher.verify(comparable, proof.user?.passwordHash ?? this.hasher.dummyHash);
    } catch (error) {
      if (error instanceof HashingBusy) await this.throttle.loginNotJudged(proof.email.canonical, proof.ip);
      throw error;
    }
  }

  private async countAttempt(proof: CurrentPasswordProof): Promise<void> {
    try {
      await this.throttle.beforeLogin(proof.email.canonical, proof.ip);
    } catch (error) {
      if (error instanceof TooManyAttempts) {
        const scope = error instanceof AccountCeilingReached ? 'account_ceiling' : 'login';
        await this.audit.record({ type: 'login.throttled', userId: proof.user?.id ?? null, details: { scope } });
      }
      if (error instanceof AccountCeilingReached) await this.ceilingNotice.send(proof.email);
      throw error;
    }
  }

  private failed(proof: CurrentPasswordProof, reason: 'unknown_email' | 'wrong_password' | 'second_factor'): Promise<void> {
    return this.audit.record({ type: 'login.failed', userId: proof.user?.id ?? null, details: { reason, during: proof.during ?? 'login' } });
  }
}
