import { InvalidAccessToken } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { Principal } from './authenticate-access-token.js';

/**
 * The caller's own account, as stored now.
 * Refuses with InvalidAccessToken when the account is gone since the token was checked.
 */
export class GetCurrentUser {
  constructor(private readonly users: UserRepository) {}

  async execute(principal: Principal): Promise<User> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new InvalidAccessToken();
    return user;
  }
}
