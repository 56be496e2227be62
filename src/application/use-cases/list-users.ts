import { pageLimitOf } from '../services/page-limit.js';
import type { AccountOverview, PagePosition, UserDirectory } from '../ports/user-directory.js';

export interface ListUsersInput {
  readonly emailPrefix: string | null;
  /** 1 to 100; absent: 50. NaN (not a number) is refused like any other value out of range. */
  readonly limit?: number;
  readonly after: PagePosition | null;
}

export interface UserPage {
  readonly items: readonly AccountOverview[];
  /** Where the next page begins; null on the last page. */
  readonly next: PagePosition | null;
}

/**
 * Admin API: accounts in (createdAt, id) order, a keyset page at a time, so that accounts
 * registered meanwhile never shift one from a page to the next. Refuses with InvalidPageRequest.
 */
export class ListUsers {
  constructor(private readonly directory: UserDirectory) {}

  async execute(input: ListUsersInput): Promise<UserPage> {
    const limit = pageLimitOf(input.limit);
    const emailPrefix = input.emailPrefix ? input.emailPrefix.toLowerCase() : null;
    // One more than asked: whether a next page exists, without a count.
    const found = await this.directory.find({ emailPrefix, after: input.after, limit: limit + 1 });
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return { items, next: found.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
  }
}
