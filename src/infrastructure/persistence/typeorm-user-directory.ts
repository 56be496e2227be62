import type { AccountOverview, AccountQuery, UserDirectory } from '../../application/ports/user-directory.js';
import type { Database } from './database.js';
import { dateAt, nullableDateAt, textAt } from './row-values.js';

// mfa_enabled as 0/1 on every database (PostgreSQL would answer EXISTS as a boolean).
const SELECT_OVERVIEW = `SELECT u.id, u.email, u.email_verified_at, u.created_at, u.disabled_at, u.last_login_at,
  CASE WHEN EXISTS (SELECT 1 FROM totp_factors t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) THEN 1 ELSE 0 END AS mfa_enabled
  FROM users u`;

export class TypeOrmUserDirectory implements UserDirectory {
  constructor(private readonly db: Database) {}

  find(query: AccountQuery): Promise<AccountOverview[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (query.emailPrefix) {
      // '!' escapes: a backslash means different things in MySQL's and PostgreSQL's literals.
      conditions.push("u.email_canonical LIKE ? ESCAPE '!'");
      parameters.push(`${query.emailPrefix.replace(/[!%_]/g, '!$&')}%`);
    }
    if (query.after) {
      conditions.push('(u.created_at > ? OR (u.created_at = ? AND u.id > ?))');
      parameters.push(query.after.createdAt.getTime(), query.after.createdAt.getTime(), query.after.id);
    }
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const limit = Math.max(1, Math.floor(query.limit));
    return this.db.run(async (statements) =>
      (await statements.query(`${SELECT_OVERVIEW}${where} ORDER BY u.created_at, u.id LIMIT ${limit}`, parameters)).map(overviewOf),
    );
  }

  async overview(userId: string): Promise<AccountOverview | null> {
    const row = await this.db.readOne(`${SELECT_OVERVIEW} WHERE u.id = ?`, [userId]);
    return row ? overviewOf(row) : null;
  }
}

function overviewOf(row: Record<string, unknown>): AccountOverview {
  return {
    id: textAt(row, 'id'),
    email: textAt(row, 'email'),
    emailVerified: nullableDateAt(row, 'email_verified_at') !== null,
    mfaEnabled: Number(row.mfa_enabled) === 1,
    createdAt: dateAt(row, 'created_at'),
    disabledAt: nullableDateAt(row, 'disabled_at'),
    lastLoginAt: nullableDateAt(row, 'last_login_at'),
  };
}
