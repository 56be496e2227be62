import type { BearerSessionLookup, LiveAccount } from '../../application/ports/bearer-session-lookup.js';
import type { Database } from './database.js';
import { dateAt, flagAt, nullableDateAt, textAt } from './row-values.js';
import { LIVE, liveAt } from './typeorm-session-store.js';

// Both tables by primary key (the token's sid and sub), the session's live rule as the session
// store writes it: one indexed read per authenticated request. An account an administrator
// disabled takes its tokens with it at once, on every instance (the admin API). The columns
// GET /users/me shows and the account's confirmed TOTP (a unique index on user_id) come in the
// same read (issue 18: it read the user and the factor again after this). Only those: every
// column is a value better-sqlite3 makes on every request (9 columns took 9.3 µs here, these
// 3 and the flag 6.6, the bare join 5.3), and the password hash has no business on this path.
const LIVE_ACCOUNT = `SELECT u.email, u.email_verified_at, u.created_at,
  EXISTS (SELECT 1 FROM totp_factors f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) AS mfa_enabled
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = ? AND u.id = ? AND u.disabled_at IS NULL AND ${LIVE}`;

/**
 * The bearer check in one statement, on every database (issue 18): it replaced a read of the
 * user and another of the session. Through Database.readOne, so SQLite runs it on a statement
 * prepared once.
 */
export class TypeOrmBearerSessionLookup implements BearerSessionLookup {
  constructor(private readonly db: Database) {}

  async findLivePrincipal(userId: string, sessionId: string, now: Date): Promise<LiveAccount | null> {
    const row = await this.db.readOne(LIVE_ACCOUNT, [sessionId, userId, ...liveAt(now.getTime())]);
    if (!row) return null;
    const account = { email: textAt(row, 'email'), emailVerifiedAt: nullableDateAt(row, 'email_verified_at'), createdAt: dateAt(row, 'created_at') };
    return { userId, sessionId, account, mfaEnabled: flagAt(row, 'mfa_enabled') };
  }
}
