import { viewOf, type PasskeyView } from '../../domain/passkey.js';
import type { PasskeyStore } from '../ports/passkey-store.js';
import type { UserRepository } from '../ports/user-repository.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { Principal } from './authenticate-access-token.js';

/** GET /users/me/passkeys: the caller's passkeys, oldest first. Refuses with InvalidAccessToken. */
export class ListPasskeys {
  constructor(
    private readonly users: UserRepository,
    private readonly passkeys: PasskeyStore,
  ) {}

  async execute(input: { readonly principal: Principal }): Promise<PasskeyView[]> {
    const user = await userOfPrincipal(this.users, input.principal);
    return (await this.passkeys.listOf(user.id)).map(viewOf);
  }
}
