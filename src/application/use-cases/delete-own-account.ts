import type { Principal } from './authenticate-access-token.js';
import type { AccountAdministration } from '../ports/account-administration.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { Reauthentication } from '../services/reauthentication.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { AuditTrail } from '../ports/audit-trail.js';

export interface DeleteOwnAccountInput {
  readonly principal: Principal;
  readonly currentPassword: string;
  readonly code?: string;
  readonly ip: string | null;
  readonly userAgent?: string | null;
}

/**
 * DELETE /users/me: the owner erases the account, after proving it again (a stolen access
 * token alone cannot). Refuses with InvalidAccessToken (erased meanwhile), InvalidCredentials
 * (wrong password, missing or wrong code: one answer) or TooManyAttempts.
 */
export class DeleteOwnAccount {
  constructor(
    private readonly users: UserRepository,
    private readonly reauthentication: Reauthentication,
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: DeleteOwnAccountInput): Promise<void> {
    const user = await userOfPrincipal(this.users, input.principal);
    await this.reauthentication.verify({ user, currentPassword: input.currentPassword, code: input.code, ip: input.ip, userAgent: input.userAgent });
    await this.audit.recordWith(
      () => this.accounts.erase(user.id),
      (found) => (found ? { type: 'user.erased', userId: user.id, sessionId: input.principal.sessionId, details: { by: 'self' } } : null),
    );
  }
}
