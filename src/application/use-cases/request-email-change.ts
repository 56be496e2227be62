import { Email } from '../../domain/email.js';
import { EmailAlreadyRegistered } from '../../domain/errors.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { EmailChangeLinkSender } from '../services/email-change-link-sender.js';
import type { Reauthentication } from '../services/reauthentication.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { Principal } from './authenticate-access-token.js';

export interface RequestEmailChangeInput {
  readonly principal: Principal;
  readonly newEmail: string;
  readonly currentPassword: string;
  /** A TOTP code or a recovery code; needed when the account has TOTP. */
  readonly code?: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/**
 * Starts moving the caller's account to another address: a link to the new address, a notice
 * to the old one; the address changes only when the link is followed (ConfirmEmailChange).
 * Needs re-authentication. Whether an address is taken is told only once the password (and
 * code) matched: to the owner, not to whoever holds a stolen access token. Refuses with
 * InvalidEmail on /newEmail, InvalidCredentials, TooManyAttempts, EmailAlreadyRegistered
 * (the account's own address too), InvalidAccessToken.
 */
export class RequestEmailChange {
  constructor(
    private readonly users: UserRepository,
    private readonly reauthentication: Reauthentication,
    private readonly throttle: AttemptThrottle,
    private readonly links: EmailChangeLinkSender,
  ) {}

  async execute(input: RequestEmailChangeInput): Promise<void> {
    const newEmail = Email.parse(input.newEmail, 'newEmail');
    const user = await this.reauthentication.verify({ ...input, user: await userOfPrincipal(this.users, input.principal) });
    if (await this.users.findByEmail(newEmail)) throw new EmailAlreadyRegistered();
    // Each request mails an address the caller typed: bounded like the other mailed links.
    await this.throttle.beforeRecoveryMail(newEmail.canonical, input.ip);
    await this.links.send(user, newEmail);
  }
}
