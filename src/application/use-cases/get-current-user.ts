import type { User } from '../../domain/user.js';
import type { UserRepository } from '../ports/user-repository.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { Principal } from './authenticate-access-token.js';

/**
 * The caller's own account, as stored now.
 * Refuses with InvalidAccessToken when the account is gone since the token was checked.
 */
export class GetCurrentUser {
  constructor(private readonly users: UserRepository) {}

  execute(principal: Principal): Promise<User> {
    return userOfPrincipal(this.users, principal);
  }
}
