import { Email } from '../../domain/email.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { PasswordResetRequests } from '../ports/password-reset-requests.js';

/**
 * Asks for a single-use reset link. The caller learns nothing either way: the answer is the
 * same, and it comes after the same work for every address (validation, the throttle count,
 * one insert of the request). Whether the address has an account, and the link and its mail,
 * are decided later off the request path (ResolvePasswordResetRequests): a registered
 * address's lookup and write transaction would otherwise show in the answer's timing.
 * Refuses with InvalidEmail or TooManyAttempts.
 */
export class RequestPasswordReset {
  constructor(
    private readonly requests: PasswordResetRequests,
    private readonly throttle: AttemptThrottle,
    private readonly clock: Clock,
  ) {}

  async execute(input: { email: string; ip: string | null }): Promise<void> {
    const email = Email.parse(input.email);
    await this.throttle.beforeRecoveryMail(email.canonical, input.ip);
    await this.requests.add(email.value, this.clock.now());
  }
}
