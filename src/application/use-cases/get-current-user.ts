import type { User } from '../../domain/user.js';
import type { SecondFactorStore } from '../ports/second-factor-store.js';
import type { UserRepository } from '../ports/user-repository.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { Principal } from './authenticate-access-token.js';

/**
 * The caller's own account, as stored now, and whether it has a second factor.
 * Refuses with InvalidAccessToken when the account is gone since the token was checked.
 */
export class GetCurrentUser {
  constructor(
    private readonly users: UserRepository,
    private readonly factors: SecondFactorStore,
  ) {}

  async execute(principal: Principal): Promise<{ user: User; mfaEnabled: boolean }> {
    const user = await userOfPrincipal(this.users, principal);
    return { user, mfaEnabled: await this.factors.isTotpActive(user.id) };
  }
}
