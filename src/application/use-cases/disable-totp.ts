import type { SecondFactorStore } from '../ports/second-factor-store.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { AccountNotice } from '../services/account-notice.js';
import type { Reauthentication } from '../services/reauthentication.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { Principal } from './authenticate-access-token.js';
import type { AuditTrail } from '../ports/audit-trail.js';

export interface ReauthenticatedInput {
  readonly principal: Principal;
  readonly currentPassword: string;
  /** A TOTP code or a recovery code; needed when the account has TOTP. */
  readonly code?: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/**
 * Turns TOTP off: the secret and every recovery code are deleted. Needs re-authentication
 * (password and code); the owner is mailed a notice. Refuses with InvalidCredentials, TooManyAttempts, InvalidAccessToken.
 */
export class DisableTotp {
  constructor(
    private readonly users: UserRepository,
    private readonly reauthentication: Reauthentication,
    private readonly factors: SecondFactorStore,
    private readonly notices: AccountNotice,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: ReauthenticatedInput): Promise<void> {
    const user = await this.reauthentication.verify({ user: await userOfPrincipal(this.users, input.principal), ...input });
    await this.audit.recordWith(
      () => this.factors.removeAll(user.id),
      () => ({ type: 'mfa.disabled', userId: user.id, sessionId: input.principal.sessionId, details: { method: 'totp' } }),
    );
    await this.notices.secondFactorRemoved(user, 'totp');
  }
}
