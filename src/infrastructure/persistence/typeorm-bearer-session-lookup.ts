import type { BearerSessionLookup, LivePrincipal } from '../../application/ports/bearer-session-lookup.js';
import type { Database } from './database.js';
import { LIVE, liveAt } from './typeorm-session-store.js';

// Both tables by primary key (the token's sid and sub), the session's live rule as the session
// store writes it: one indexed read per authenticated request. An account an administrator
// disabled takes its tokens with it at once, on every instance (the admin API).
const LIVE_PRINCIPAL = `SELECT 1 AS live FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = ? AND u.id = ? AND u.disabled_at IS NULL AND ${LIVE}`;

/**
 * The bearer check in one statement, on every database (issue 18): it replaced a read of the
 * user and another of the session. Through Database.readOne, so SQLite runs it on a statement
 * prepared once.
 */
export class TypeOrmBearerSessionLookup implements BearerSessionLookup {
  constructor(private readonly db: Database) {}

  async findLivePrincipal(userId: string, sessionId: string, now: Date): Promise<LivePrincipal | null> {
    const row = await this.db.readOne(LIVE_PRINCIPAL, [sessionId, userId, ...liveAt(now.getTime())]);
    return row ? { userId, sessionId } : null;
  }
}
