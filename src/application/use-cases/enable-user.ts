import { UserNotFound } from '../../domain/errors.js';
import type { AccountAdministration } from '../ports/account-administration.js';

/**
 * Admin API: a disabled account may log in again (its ended sessions stay ended).
 * Refuses with UserNotFound.
 */
export class EnableUser {
  constructor(private readonly accounts: AccountAdministration) {}

  async execute(input: { readonly userId: string }): Promise<void> {
    if (!(await this.accounts.enable(input.userId))) throw new UserNotFound();
  }
}
