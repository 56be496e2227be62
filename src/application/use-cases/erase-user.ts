import { UserNotFound } from '../../domain/errors.js';
import type { AccountAdministration } from '../ports/account-administration.js';

/**
 * Admin API: erasure (API.md "Account lifecycle"); the address can be registered again at once.
 * Refuses with UserNotFound.
 */
export class EraseUser {
  constructor(private readonly accounts: AccountAdministration) {}

  async execute(input: { readonly userId: string }): Promise<void> {
    if (!(await this.accounts.erase(input.userId))) throw new UserNotFound();
  }
}
