import { InvalidRecoveryToken } from '../../domain/errors.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { SessionStore } from '../ports/session-store.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { NewPasswordCheck } from '../services/new-password-check.js';

/**
 * Sets a new password with a mailed reset token. The password is checked before the token
 * is spent, so a refused password leaves the link usable. Every session of the user ends and
 * older access tokens are refused. Refuses with InvalidRecoveryToken (spent, expired,
 * superseded or unknown) or PasswordPolicyViolation on /newPassword.
 */
export class ResetPassword {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenStore,
    private readonly hasher: PasswordHasher,
    private readonly newPasswordCheck: NewPasswordCheck,
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
    private readonly throttle: AttemptThrottle,
  ) {}

  async execute(input: { token: string; newPassword: string }): Promise<void> {
    const now = this.clock.now();
    const userId = await this.tokens.findValid(input.token, 'password_reset', now);
    const user = userId ? await this.users.findById(userId) : null;
    if (!user) throw new InvalidRecoveryToken();
    const password = await this.newPasswordCheck.check(input.newPassword, user.email, 'newPassword');
    const hash = await this.hasher.hash(password);
    if (!(await this.tokens.consume(input.token, 'password_reset', now))) throw new InvalidRecoveryToken();
    // Sessions end first: should saving the password fail, nobody keeps a session.
    await this.sessions.revokeAllOfUser(user.id, now);
    // Following the link proved the address, too.
    await this.users.update(user.withChangedPassword(hash, now).withVerifiedEmail(now));
    await this.throttle.passwordWasReset(user.email.canonical); // the owner is back: lift the login ceiling
  }
}
