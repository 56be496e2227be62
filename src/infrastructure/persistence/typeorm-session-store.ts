import { createHash } from 'node:crypto';
import type { NewSession, SessionStore } from '../../application/ports/session-store.js';
import type { Database } from './database.js';
import { RefreshTokenRecordSchema, SessionRecordSchema } from './session-record.js';

/** Refresh tokens are 256 random bits: a fast hash is enough, no salt or stretching needed. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class TypeOrmSessionStore implements SessionStore {
  constructor(private readonly db: Database) {}

  start(session: NewSession): Promise<void> {
    // The family and its first token are written together or not at all.
    return this.db.transaction(async (manager) => {
      await manager.insert(SessionRecordSchema, {
        id: session.id,
        userId: session.userId,
        createdAt: session.createdAt,
        lastUsedAt: session.createdAt,
        expiresAt: session.expiresAt,
        revokedAt: null,
        userAgent: session.userAgent?.slice(0, 512) ?? null,
        ip: session.ip?.slice(0, 64) ?? null,
      });
      await manager.insert(RefreshTokenRecordSchema, {
        tokenHash: hashRefreshToken(session.refreshToken),
        sessionId: session.id,
        createdAt: session.createdAt,
        expiresAt: session.refreshTokenExpiresAt,
        spentAt: null,
      });
    });
  }
}
