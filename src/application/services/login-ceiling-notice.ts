import type { Email } from '../../domain/email.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { Clock } from '../ports/clock.js';
import type { UserRepository } from '../ports/user-repository.js';
import { loginCeilingNoticeMail } from './account-mails.js';

/**
 * Tells an account's owner that password sign-in is paused: too many failed attempts from
 * all addresses (LOGIN_MAX_FAILURES_PER_ACCOUNT). Called for the one attempt per window
 * that reached the ceiling, so the owner gets one mail however long the guessing goes on.
 */
export class LoginCeilingNotice {
  constructor(
    private readonly users: UserRepository,
    private readonly mails: AccountTokenStore,
    private readonly clock: Clock,
    private readonly windowMs: number,
  ) {}

  async send(email: Email): Promise<void> {
    // An unknown e-mail is counted like a known one (which reveals nothing), but has nobody to tell.
    const user = await this.users.findByEmail(email);
    if (!user) return;
    await this.mails.queueNotice(loginCeilingNoticeMail(user.email.value, Math.ceil(this.windowMs / 60_000)), this.clock.now());
  }
}
