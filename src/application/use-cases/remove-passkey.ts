import { PasskeyNotFound } from '../../domain/errors.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { PasskeyStore } from '../ports/passkey-store.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { AccountNotice } from '../services/account-notice.js';
import type { Reauthentication } from '../services/reauthentication.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { ReauthenticatedInput } from './disable-totp.js';

/**
 * DELETE /users/me/passkeys/{id}: after re-authentication, one of the caller's passkeys goes
 * (the others keep working) and the owner is mailed a notice. Refuses with InvalidAccessToken,
 * InvalidCredentials, TooManyAttempts or PasskeyNotFound (not one of the caller's).
 */
export class RemovePasskey {
  constructor(
    private readonly users: UserRepository,
    private readonly reauthentication: Reauthentication,
    private readonly passkeys: PasskeyStore,
    private readonly notices: AccountNotice,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: ReauthenticatedInput & { readonly passkeyId: string }): Promise<void> {
    const user = await this.reauthentication.verify({ user: await userOfPrincipal(this.users, input.principal), ...input });
    const removed = await this.audit.recordWith(
      () => this.passkeys.remove(user.id, input.passkeyId),
      (gone) => (gone ? { type: 'passkey.removed', userId: user.id, sessionId: input.principal.sessionId, details: { passkeyId: input.passkeyId } } : null),
    );
    if (!removed) throw new PasskeyNotFound();
    await this.notices.passkeyRemoved(user);
  }
}
