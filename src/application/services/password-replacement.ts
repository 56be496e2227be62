import type { User } from '../../domain/user.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { SessionStore } from '../ports/session-store.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { AccountNotice } from './account-notice.js';

/**
 * What replacing a password means, at a change and a reset alike: every session of the user
 * ends (their access tokens with them), every link mailed before stops working (a leaked reset
 * link would otherwise undo the change), and the new hash is saved.
 *
 * The ports share no transaction, so the writes are ordered for a failure to leave the account
 * safe: sessions and links end before the hash is saved. Should the save then fail, the old
 * password still holds and nobody keeps a session or a link; the other order could leave a new
 * password in force beside a link that replaces it again. The owner is told once it is saved.
 */
export class PasswordReplacement {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionStore,
    private readonly tokens: AccountTokenStore,
    private readonly notices: AccountNotice,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Saves `user` (with whatever else the caller changed) under the new hash, dated `now`; the
   * save and its audit event (`password.changed` or `password.reset`) are one transaction.
   */
  async replace(user: User, passwordHash: string, now: Date, recorded: 'password.changed' | 'password.reset'): Promise<void> {
    await this.sessions.revokeAllOfUser(user.id, now);
    await this.tokens.supersedeAllOfUser(user.id, now);
    await this.audit.recordWith(
      () => this.users.update(user.withChangedPassword(passwordHash, now)),
      () => ({ type: recorded, userId: user.id }),
    );
    // Once more: a login that proved the old password and read the account just before the
    // save may have begun a session since (SessionStarter ends the ones that read it after).
    await this.sessions.revokeAllOfUser(user.id, now);
    await this.notices.passwordChanged(user);
  }
}
