import { EntitySchema } from 'typeorm';
import { epochMs } from './epoch-ms.js';

/** A `sessions` row: one refresh-token family. */
export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  userAgent: string | null;
  ip: string | null;
  successorKey: string;
  /** RFC 8176 methods of the login, space-separated. */
  amr: string;
  authTime: Date;
}

/** A `refresh_tokens` row: one token of a family, known only by its hash. */
export interface RefreshTokenRecord {
  tokenHash: string;
  sessionId: string;
  createdAt: Date;
  expiresAt: Date;
  spentAt: Date | null;
}

const epoch = { type: 'bigint', transformer: epochMs } as const;

export const SessionRecordSchema = new EntitySchema<SessionRecord>({
  name: 'SessionRecord',
  tableName: 'sessions',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    userId: { name: 'user_id', type: 'varchar', length: 36 },
    createdAt: { name: 'created_at', ...epoch },
    lastUsedAt: { name: 'last_used_at', ...epoch },
    expiresAt: { name: 'expires_at', ...epoch },
    revokedAt: { name: 'revoked_at', ...epoch, nullable: true },
    userAgent: { name: 'user_agent', type: 'varchar', length: 512, nullable: true },
    ip: { type: 'varchar', length: 64, nullable: true },
    successorKey: { name: 'successor_key', type: 'varchar', length: 64 },
    amr: { type: 'varchar', length: 64 },
    authTime: { name: 'auth_time', ...epoch },
  },
});

export const RefreshTokenRecordSchema = new EntitySchema<RefreshTokenRecord>({
  name: 'RefreshTokenRecord',
  tableName: 'refresh_tokens',
  columns: {
    tokenHash: { name: 'token_hash', type: 'varchar', length: 64, primary: true },
    sessionId: { name: 'session_id', type: 'varchar', length: 36 },
    createdAt: { name: 'created_at', ...epoch },
    expiresAt: { name: 'expires_at', ...epoch },
    spentAt: { name: 'spent_at', ...epoch, nullable: true },
  },
});
