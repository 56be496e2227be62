import type { BearerSessionLookup, LiveAccount } from '../../application/ports/bearer-session-lookup.js';
import type { Database } from './database.js';
import { flagAt } from './row-values.js';
import { LIVE, liveAt } from './typeorm-session-store.js';
import { toUser } from './user-mapper.js';
import { userColumns, userRecordOf } from './user-row.js';

// Both tables by primary key (the token's sid and sub), the session's live rule as the session
// store writes it: one indexed read per authenticated request. An account an administrator
// disabled takes its tokens with it at once, on every instance (the admin API). The account's
// columns and its confirmed TOTP (a unique index on user_id) come in the same read: GET
// /users/me answers from them (issue 18: it read the user and the factor again after this).
const LIVE_ACCOUNT = `SELECT ${userColumns('u')},
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
    return row ? { userId, sessionId, user: toUser(userRecordOf(row)), mfaEnabled: flagAt(row, 'mfa_enabled') } : null;
  }
}
