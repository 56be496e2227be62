import type { User } from '../../domain/user.js';
import type { AccountTokenStore } from '../ports/account-token-store.js';
import type { Clock } from '../ports/clock.js';
import { passkeyAddedNoticeMail, passkeyRemovedNoticeMail, passwordChangedNoticeMail, secondFactorAddedNoticeMail, secondFactorRemovedNoticeMail, type SecondFactorNoticeKind } from './account-mails.js';

/**
 * Tells an account's owner that something that guards the account changed (API.md "Account
 * lifecycle"): a mail without link or secret, queued after the change was saved, so that a
 * change the owner did not make shows. The e-mail change's notice is queued with its link
 * instead (EmailChangeLinkSender), in the link's transaction.
 */
export class AccountNotice {
  constructor(
    private readonly mails: AccountTokenStore,
    private readonly clock: Clock,
  ) {}

  passwordChanged(user: User): Promise<void> {
    return this.mails.queueNotice(passwordChangedNoticeMail(user.email.value), this.clock.now());
  }

  secondFactorAdded(user: User, kind: SecondFactorNoticeKind): Promise<void> {
    return this.mails.queueNotice(secondFactorAddedNoticeMail(user.email.value, kind), this.clock.now());
  }

  secondFactorRemoved(user: User, kind: SecondFactorNoticeKind): Promise<void> {
    return this.mails.queueNotice(secondFactorRemovedNoticeMail(user.email.value, kind), this.clock.now());
  }

  passkeyAdded(user: User): Promise<void> {
    return this.mails.queueNotice(passkeyAddedNoticeMail(user.email.value), this.clock.now());
  }

  passkeyRemoved(user: User): Promise<void> {
    return this.mails.queueNotice(passkeyRemovedNoticeMail(user.email.value), this.clock.now());
  }
}
