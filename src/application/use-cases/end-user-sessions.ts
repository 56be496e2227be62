import { UserNotFound } from '../../domain/errors.js';
import type { AccountAdministration } from '../ports/account-administration.js';
import type { Clock } from '../ports/clock.js';

/**
 * Admin API: every session of the account ends, its access tokens with them.
 * Refuses with UserNotFound.
 */
export class EndUserSessions {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly clock: Clock,
  ) {}

  async execute(input: { readonly userId: string }): Promise<void> {
    if (!(await this.accounts.endSessions(input.userId, this.clock.now()))) throw new UserNotFound();
  }
}
