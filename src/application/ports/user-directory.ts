/** An account as the admin API shows it: never a hash, a secret or a token. */
export interface AccountOverview {
  readonly id: string;
  readonly email: string;
  readonly emailVerified: boolean;
  readonly mfaEnabled: boolean;
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
  readonly lastLoginAt: Date | null;
}

/** Where a page ends: accounts are listed in (createdAt, id) order, so a later insert never shifts one. */
export interface PagePosition {
  readonly createdAt: Date;
  readonly id: string;
}

export interface AccountQuery {
  /** Matches the start of the canonical (lower-cased) address; null: every account. */
  readonly emailPrefix: string | null;
  /** Only accounts after this one; null: from the first. */
  readonly after: PagePosition | null;
  readonly limit: number;
}

/**
 * The admin API's reads of accounts. Throws DependencyUnavailable when the store cannot be reached.
 */
export interface UserDirectory {
  /** Up to `limit` accounts in (createdAt, id) order. */
  find(query: AccountQuery): Promise<AccountOverview[]>;
  overview(userId: string): Promise<AccountOverview | null>;
}
