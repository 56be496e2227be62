import type { NewSession, Rotation, SessionStore, SessionSummary } from '../../application/ports/session-store.js';
import type { RefreshTokenState } from '../../domain/refresh-token-presentation.js';
import { changedRows, type Database } from './database.js';
import { dateAt, nullableDateAt, nullableTextAt, textAt } from './row-values.js';
import { hashToken } from './token-hash.js';

const clip = (value: string | null, max: number) => value?.slice(0, max) ?? null;

// isLiveSession (src/domain/session-liveness.ts) in SQL, for the family aliased `s`: not revoked,
// not at its maximum age, and holding an unspent token that has not expired (else it has idled
// out). The one place the rule is written as SQL: the list, the revoke and the bearer check use
// it, with liveAt's parameters; the suite in test/unit/support/session-store-promises.ts holds
// it to the domain's function.
export const LIVE = `s.revoked_at IS NULL AND s.expires_at > ?
  AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.session_id = s.id AND t.spent_at IS NULL AND t.expires_at > ?)`;
export const liveAt = (at: number) => [at, at];

export class TypeOrmSessionStore implements SessionStore {
  constructor(private readonly db: Database) {}

  start(session: NewSession): Promise<void> {
    const createdAt = session.createdAt.getTime();
    // Raw, with parameters: TypeORM's insert builder writes these bigint columns into the SQL
    // as literals, so every login prepared two statements of its own (SQLite compiled each,
    // and each held native memory until a collection). robustness/database-settings.test.ts
    // holds a login to the statements prepared before it.
    return this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, revoked_at, user_agent, ip, successor_key, amr, auth_time)
           VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
        [
          session.id,
          session.userId,
          createdAt,
          createdAt,
          session.expiresAt.getTime(),
          clip(session.userAgent, 512),
          clip(session.ip, 64),
          session.successorKey,
          session.amr.join(' '),
          session.authTime.getTime(),
        ],
      );
      await manager.query('INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at, spent_at) VALUES (?, ?, ?, ?, NULL)', [
        hashToken(session.refreshToken),
        session.id,
        createdAt,
        session.refreshTokenExpiresAt.getTime(),
      ]);
    });
  }

  async findToken(token: string): Promise<RefreshTokenState | null> {
    const row = await this.db.readOne(
      `SELECT t.session_id, s.user_id, t.expires_at, t.spent_at, s.expires_at AS session_expires_at, s.revoked_at, s.successor_key, s.amr, s.auth_time
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = ?`,
      [hashToken(token)],
    );
    if (!row) return null;
    return {
      sessionId: textAt(row, 'session_id'),
      userId: textAt(row, 'user_id'),
      tokenExpiresAt: dateAt(row, 'expires_at'),
      spentAt: nullableDateAt(row, 'spent_at'),
      sessionExpiresAt: dateAt(row, 'session_expires_at'),
      sessionRevokedAt: nullableDateAt(row, 'revoked_at'),
      successorKey: textAt(row, 'successor_key'),
      amr: textAt(row, 'amr').split(' ').filter((method) => method !== ''),
      authTime: dateAt(row, 'auth_time'),
    };
  }

  rotate(rotation: Rotation): Promise<boolean> {
    const now = rotation.now.getTime();
    return this.db.transaction(async (manager) => {
      // The conditional update decides: of concurrent rotations exactly one changes the row.
      const spent = await changedRows(
        manager,
        'UPDATE refresh_tokens SET spent_at = ? WHERE token_hash = ? AND spent_at IS NULL',
        [now, hashToken(rotation.spent)],
      );
      if (spent !== 1) return false;
      const { sessionId } = rotation;
      // Raw, like the statements beside it: the insert builder cost more than the insert (bench/).
      await manager.query('INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at, spent_at) VALUES (?, ?, ?, ?, NULL)', [
        hashToken(rotation.successor),
        sessionId,
        now,
        rotation.successorExpiresAt.getTime(),
      ]);
      await manager.query('UPDATE sessions SET last_used_at = ?, user_agent = ?, ip = ? WHERE id = ?', [
        now,
        clip(rotation.userAgent, 512),
        clip(rotation.ip, 64),
        sessionId,
      ]);
      return true;
    });
  }

  revoke(sessionId: string, now: Date): Promise<void> {
    return this.db.run(async (manager) => {
      await manager.query('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now.getTime(), sessionId]);
    });
  }

  async revokeOfUser(sessionId: string, userId: string, now: Date): Promise<boolean> {
    // An id from a URL may hold a NUL, which no stored id does (ids are UUIDs) and PostgreSQL's
    // text cannot even be compared with (it refuses the statement): no such session.
    if (sessionId.includes('\u0000')) return false;
    const at = now.getTime();
    return this.db.run(async (manager) => {
      const changed = await changedRows(
        manager,
        `UPDATE sessions SET revoked_at = ? WHERE id = ? AND user_id = ? AND id IN (SELECT id FROM (SELECT s.id FROM sessions s WHERE ${LIVE}) AS live)`,
        [at, sessionId, userId, ...liveAt(at)],
      );
      return changed === 1;
    });
  }

  revokeAllOfUser(userId: string, now: Date): Promise<void> {
    return this.db.run(async (manager) => {
      await manager.query('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [now.getTime(), userId]);
    });
  }

  revokeOthersOfUser(userId: string, keptSessionId: string, now: Date): Promise<void> {
    return this.db.run(async (manager) => {
      await manager.query('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL', [now.getTime(), userId, keptSessionId]);
    });
  }

  listLive(userId: string, now: Date): Promise<SessionSummary[]> {
    const at = now.getTime();
    return this.db.run(async (manager) => {
      const rows = await manager.query(
        `SELECT s.id, s.created_at, s.last_used_at, s.user_agent, s.ip FROM sessions s
          WHERE s.user_id = ? AND ${LIVE} ORDER BY s.last_used_at DESC`,
        [userId, ...liveAt(at)],
      );
      return rows.map((row) => ({
        id: textAt(row, 'id'),
        createdAt: dateAt(row, 'created_at'),
        lastUsedAt: dateAt(row, 'last_used_at'),
        userAgent: nullableTextAt(row, 'user_agent'),
        ip: nullableTextAt(row, 'ip'),
      }));
    });
  }

  async isLive(sessionId: string, now: Date): Promise<boolean> {
    const row = await this.db.readOne(`SELECT 1 AS live FROM sessions s WHERE s.id = ? AND ${LIVE}`, [sessionId, ...liveAt(now.getTime())]);
    return row !== undefined;
  }
}
