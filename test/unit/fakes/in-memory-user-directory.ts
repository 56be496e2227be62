import type { AccountOverview, AccountQuery, UserDirectory } from '../../../src/application/ports/user-directory.js';

/** Accounts as the admin API lists them, in (createdAt, id) order like the real keyset. */
export class InMemoryUserDirectory implements UserDirectory {
  constructor(readonly accounts: AccountOverview[] = []) {}

  async find(query: AccountQuery): Promise<AccountOverview[]> {
    const after = query.after;
    return [...this.accounts]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .filter((account) => !query.emailPrefix || account.email.toLowerCase().startsWith(query.emailPrefix))
      .filter((account) => !after || account.createdAt > after.createdAt || (account.createdAt.getTime() === after.createdAt.getTime() && account.id > after.id))
      .slice(0, query.limit);
  }

  async overview(userId: string): Promise<AccountOverview | null> {
    return this.accounts.find((account) => account.id === userId) ?? null;
  }
}
