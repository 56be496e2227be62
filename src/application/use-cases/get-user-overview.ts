import { UserNotFound } from '../../domain/errors.js';
import type { AccountOverview, UserDirectory } from '../ports/user-directory.js';

/** Admin API: one account. Refuses with UserNotFound. */
export class GetUserOverview {
  constructor(private readonly directory: UserDirectory) {}

  async execute(input: { readonly userId: string }): Promise<AccountOverview> {
    const overview = await this.directory.overview(input.userId);
    if (!overview) throw new UserNotFound();
    return overview;
  }
}
