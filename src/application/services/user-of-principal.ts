import { InvalidAccessToken } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import type { UserRepository } from '../ports/user-repository.js';

/**
 * The account a checked access token speaks for. It can be gone since the check (erased
 * meanwhile): the token then speaks for no one, and the caller gets the bearer 401.
 * @throws InvalidAccessToken
 */
export async function userOfPrincipal(users: UserRepository, principal: { readonly userId: string }): Promise<User> {
  const user = await users.findById(principal.userId);
  if (!user) throw new InvalidAccessToken();
  return user;
}
