import { UserNotFound } from '../../domain/errors.js';
import type { AccountAdministration } from '../ports/account-administration.js';

/**
 * Admin API, for a lost device: the TOTP factor, recovery codes and passkeys go, and the password alone logs in.
 * Refuses with UserNotFound.
 */
export class ResetUserMfa {
  constructor(private readonly accounts: AccountAdministration) {}

  async execute(input: { readonly userId: string }): Promise<void> {
    if (!(await this.accounts.removeSecondFactors(input.userId))) throw new UserNotFound();
  }
}
