import { RateLimiterMySQL } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Dialect } from './dialect.js';
import { isNetworkFailure, TYPEORM_NOT_CONNECTED } from './network-errors.js';

// mysql2's codes for "the server cannot answer now", not "this request is wrong".
const UNAVAILABLE = new Set([
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR', 'ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK', 'ER_SERVER_SHUTDOWN',
  // The server ended the connection or the statement: a restart, a failover, KILL, wait_timeout.
  'ER_QUERY_INTERRUPTED', 'ER_CLIENT_INTERACTION_TIMEOUT', 'ER_NET_READ_ERROR', 'ER_NET_WRITE_INTERRUPTED',
  'POOL_CLOSED', 'POOL_ENQUEUELIMIT',
]);
// mysql2's "Pool is closed" and a closed connection's refusal carry no code.
const UNAVAILABLE_MESSAGE = new RegExp(
  `${TYPEORM_NOT_CONNECTED.source}|pool is closed|connection lost|can't add new command when connection is in closed state`,
  'i',
);
const MIGRATION_LOCK = 'auth_service_migrations';

interface CallbackPool {
  execute(sql: string, values: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

// mysql2's execute prepares a statement once per connection (its cache) and then only binds it.
function preparedRead(dataSource: DataSource, sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown> | undefined> {
  const pool = (dataSource.driver as unknown as { pool: CallbackPool }).pool;
  return new Promise((resolve, reject) => {
    pool.execute(sql, [...parameters], (error, rows) => (error ? reject(error) : resolve((rows as Record<string, unknown>[])[0])));
  });
}

/** MySQL and MariaDB, through mysql2. */
export const mysqlDialect: Dialect = {
  kind: 'mysql',
  driver: 'mysql',
  connection: 'pooled',
  preparedRead,
  serverOptions: (config) => ({
    type: 'mysql',
    url: config.url,
    charset: 'utf8mb4',
    poolSize: config.poolSize,
    // A server that does not answer the handshake is given up on well inside a request's time.
    connectTimeout: 3_000,
    extra: {
      // Keep-alive probes from 10 s of silence (not the OS's 2 h): a pooled connection to a
      // server that vanished without a reset (power loss, a dropped NAT entry) is found dead.
      enableKeepAlive: true,
      keepAliveInitialDelay: 10_000,
      // Connections idle for 30 s are closed (mysql2 does so only when maxIdle is under the
      // pool size): after a quiet spell or an outage the pool refills with fresh ones rather
      // than handing requests connections a firewall or the server's wait_timeout has cut.
      maxIdle: Math.max(1, Math.floor(config.poolSize / 2)),
      idleTimeout: 30_000,
    },
  }),
  placeholders: (sql) => sql,
  quote: (identifier) => `\`${identifier.replaceAll('`', '``')}\``,
  errors: {
    isUniqueViolation: (code) => code === 'ER_DUP_ENTRY',
    isUnavailable: (code) => isNetworkFailure(code) || UNAVAILABLE.has(code),
    unavailableMessage: UNAVAILABLE_MESSAGE,
    isMissingDatabase: (code) => code === 'ER_BAD_DB_ERROR',
  },
  // A named lock on a connection of its own: instances that start together take turns.
  migrateExclusively: async (dataSource, migrate) => {
    const lockHolder = dataSource.createQueryRunner();
    try {
      const [row] = await lockHolder.query('SELECT GET_LOCK(?, 60) AS acquired', [MIGRATION_LOCK]);
      if (Number(row?.acquired) !== 1) throw new Error('timed out waiting for the migration lock');
      await migrate();
    } finally {
      await lockHolder.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]).catch(() => undefined);
      await lockHolder.release();
    }
  },
  limiter: (dataSource, options) =>
    new RateLimiterMySQL({
      ...options,
      // TypeORM's own mysql2 pool: no second pool to size. The table comes from a migration.
      storeClient: (dataSource.driver as unknown as { pool: unknown }).pool,
      storeType: 'pool',
      dbName: databaseName(dataSource),
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
    }),
  rateLimitsTable: {
    // RateLimiterMySQL's own layout.
    create:
      'CREATE TABLE IF NOT EXISTS `rate_limits` (' +
      '`key` VARCHAR(255) CHARACTER SET utf8mb4 NOT NULL, ' +
      '`points` INT(9) NOT NULL DEFAULT 0, ' +
      '`expire` BIGINT UNSIGNED, ' +
      'PRIMARY KEY (`key`)) ENGINE = INNODB',
    drop: 'DROP TABLE IF EXISTS `rate_limits`',
  },
};

function databaseName(dataSource: DataSource): string {
  const { url } = dataSource.options as { url?: string };
  return new URL(url!).pathname.slice(1);
}
