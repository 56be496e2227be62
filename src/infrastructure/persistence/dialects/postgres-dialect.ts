import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Dialect } from './dialect.js';
import { isNetworkFailure, TYPEORM_NOT_CONNECTED } from './network-errors.js';
import { numberedPlaceholders } from './numbered-placeholders.js';

// SQLSTATEs (PostgreSQL appendix A) for "the server cannot answer now", not "this request is
// wrong": class 08 (connection exception), 53300 too many connections, 57P01-57P03 (shut down,
// crashed, starting), 40001 and 40P01 (serialization failure, deadlock), 55P03 (lock wait
// past lock_timeout), 57014 (statement cancelled, statement_timeout).
const UNAVAILABLE = new Set(['53300', '57P01', '57P02', '57P03', '40001', '40P01', '55P03', '57014']);
// pg says a lost or unobtainable connection only in words.
const UNAVAILABLE_MESSAGE = new RegExp(
  `${TYPEORM_NOT_CONNECTED.source}|connection terminated|timeout exceeded when trying to connect|` +
    'not queryable|cannot use a pool after calling end|query read timeout',
  'i',
);
const MIGRATION_LOCK = "hashtext('auth_service_migrations')";

// A named statement is parsed and planned once per connection, then only bound and run.
const statementNames = new Map<string, string>();
const statementName = (text: string) => {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `auth_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  return name;
};

async function preparedRead(dataSource: DataSource, sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown> | undefined> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const text = numberedPlaceholders(sql);
  return (await pool.query<Record<string, unknown>>({ name: statementName(text), text, values: [...parameters] })).rows[0];
}

/** PostgreSQL 13 or later, through pg. */
export const postgresDialect: Dialect = {
  kind: 'postgres',
  driver: 'postgres',
  connection: 'pooled',
  preparedRead,
  serverOptions: (config) => ({
    type: 'postgres',
    url: config.url,
    poolSize: config.poolSize,
    applicationName: 'auth-service',
    // A server that does not answer the handshake (or a full pool) is given up on well inside
    // a request's time, as on MySQL.
    connectTimeoutMS: 3_000,
    extra: {
      // Keep-alive probes from 10 s of silence, as on MySQL: a pooled connection to a server
      // that vanished without a reset is found dead instead of waited on for the OS's 2 h.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // Idle connections are closed after 30 s, as on MySQL: after an outage the pool refills
      // with fresh ones.
      idleTimeoutMillis: 30_000,
      // A transaction left open by a client that stopped answering releases its row locks.
      idle_in_transaction_session_timeout: 60_000,
    },
  }),
  placeholders: numberedPlaceholders,
  quote: (identifier) => `"${identifier.replaceAll('"', '""')}"`,
  errors: {
    isUniqueViolation: (code) => code === '23505',
    isUnavailable: (code) => isNetworkFailure(code) || code.startsWith('08') || UNAVAILABLE.has(code),
    unavailableMessage: UNAVAILABLE_MESSAGE,
    isMissingDatabase: (code) => code === '3D000',
  },
  // A session-level advisory lock on a connection of its own, waited for up to 60 s (as GET_LOCK
  // on MySQL): instances that start together take turns. It is scoped to this database.
  migrateExclusively: async (dataSource, migrate) => {
    const lockHolder = dataSource.createQueryRunner();
    try {
      await lockHolder.query("SET lock_timeout = '60s'");
      await lockHolder.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
      await migrate();
    } finally {
      await lockHolder.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => undefined);
      await lockHolder.query('RESET lock_timeout').catch(() => undefined);
      await lockHolder.release();
    }
  },
  limiter: (dataSource, options) =>
    new RateLimiterPostgres({
      ...options,
      // TypeORM's own pg pool: no second pool to size. The table comes from a migration.
      storeClient: (dataSource.driver as unknown as { master: unknown }).master,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
    }),
  rateLimitsTable: {
    // RateLimiterPostgres's own layout.
    create: 'CREATE TABLE IF NOT EXISTS "rate_limits" (key VARCHAR(255) PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire BIGINT)',
    drop: 'DROP TABLE IF EXISTS "rate_limits"',
  },
};
