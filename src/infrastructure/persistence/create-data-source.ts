import { DataSource, type Migration } from 'typeorm';
import { ConfigError } from '../config/config-error.js';
import type { DatabaseConfig } from '../config/config.js';
import { allMigrations } from './migrations/all-migrations.js';
import { preparePrivateSqliteFile } from './private-sqlite-file.js';
import { retryWhileBusy } from './retry-while-busy.js';
import { RefreshTokenRecordSchema, SessionRecordSchema } from './session-record.js';
import { startUpDatabaseError } from './start-up-database-error.js';
import { UserRecordSchema } from './user-record.js';

const entities = [UserRecordSchema, SessionRecordSchema, RefreshTokenRecordSchema];

/** The DataSource for DATABASE_URL: embedded SQLite (better-sqlite3) or MySQL/MariaDB (mysql2). */
export function createDataSource(config: DatabaseConfig): DataSource {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') preparePrivateSqliteFile(config.file);
    return new DataSource({
      type: 'better-sqlite3',
      database: config.file,
      entities,
      migrations: allMigrations,
      // WAL lets readers run beside the writer. A writer that finds the file locked by another
      // connection waits up to 5 s, but in Database (retryWhileBusy), not in the driver: the
      // driver's wait is synchronous and would freeze the process, request timeouts included.
      enableWAL: true,
      timeout: 0,
    });
  }
  return new DataSource({
    type: 'mysql',
    url: config.url,
    charset: 'utf8mb4',
    entities,
    migrations: allMigrations,
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
  });
}

const MIGRATION_LOCK = 'auth_service_migrations';

/**
 * Opens the database and brings its schema up to date (or, with `migrate: false`, refuses to
 * go on while a migration is pending: MIGRATE_ON_START=false is for deployments that run
 * `npm run migrate` before rolling out). On MySQL a named lock makes instances that start
 * together take turns, so that no migration runs twice.
 * @returns the names of the migrations applied now
 */
export async function openDatabase(dataSource: DataSource, options: { readonly migrate?: boolean } = {}): Promise<string[]> {
  try {
    await dataSource.initialize();
  } catch (error) {
    // A database that does not exist or a server that does not answer: one line, no stack.
    throw dataSource.options.type === 'mysql' ? startUpDatabaseError(String(dataSource.options.url), error) : error;
  }
  if (options.migrate === false) {
    if (await dataSource.showMigrations()) {
      throw new ConfigError('MIGRATE_ON_START', 'is false, but the database has migrations pending: run npm run migrate first');
    }
    return [];
  }
  const applied = await runMigrationsOnce(dataSource);
  return applied.map((migration) => migration.name);
}

function runMigrationsOnce(dataSource: DataSource): Promise<Migration[]> {
  if (dataSource.options.type !== 'mysql') return retryWhileBusy(() => dataSource.runMigrations({ transaction: 'each' }));
  return withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
}

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const lockHolder = dataSource.createQueryRunner();
  try {
    const [row] = await lockHolder.query('SELECT GET_LOCK(?, 60) AS acquired', [MIGRATION_LOCK]);
    if (Number(row?.acquired) !== 1) throw new Error('timed out waiting for the migration lock');
    return await work();
  } finally {
    await lockHolder.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]).catch(() => undefined);
    await lockHolder.release();
  }
}
