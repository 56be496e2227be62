import { UserNotFound } from '../../domain/errors.js';
import type { AccountAdministration } from '../ports/account-administration.js';
import type { Clock } from '../ports/clock.js';

/**
 * Admin API: the account can no longer log in (403 account-disabled once its password matched); its sessions end and its access tokens are refused at once.
 * Refuses with UserNotFound.
 */
export class DisableUser {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly clock: Clock,
  ) {}

  async execute(input: { readonly userId: string }): Promise<void> {
    if (!(await this.accounts.disable(input.userId, this.clock.now()))) throw new UserNotFound();
  }
}
