import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { codesOf } from './database-errors.js';
import type { Database } from './database.js';
import type { Dialect } from './dialects/dialect.js';
import { dialectFor, dialectOf } from './dialects/dialects.js';
import { allMigrations } from './migrations/all-migrations.js';
import { PooledDatabase } from './pooled-database.js';
import { preparePrivateSqliteFile } from './private-sqlite-file.js';
import { SerialDatabase } from './serial-database.js';
import { RefreshTokenRecordSchema, SessionRecordSchema } from './session-record.js';
import { startUpDatabaseError } from './start-up-database-error.js';
import { UserRecordSchema } from './user-record.js';

/** SQLite's page cache, in KiB (its own default; better-sqlite3's build sets 16,000). */
const SQLITE_PAGE_CACHE_KIB = 2_000;

const entities = [UserRecordSchema, SessionRecordSchema, RefreshTokenRecordSchema];

/** The DataSource for DATABASE_URL: embedded SQLite (better-sqlite3), or a server in its dialect's terms. */
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
      // better-sqlite3 builds SQLite with a 16 MB page cache, which a large table fills: the
      // file's pages are in the kernel's page cache already, and SQLite's own default (2 MB)
      // keeps the B-trees' upper pages, all that a look-up by key needs to stay in memory.
      prepareDatabase: (connection: { pragma(source: string): unknown }) => {
        connection.pragma(`cache_size = -${SQLITE_PAGE_CACHE_KIB}`);
      },
    });
  }
  return new DataSource({ ...dialectFor(config.kind).serverOptions!(config), entities, migrations: allMigrations });
}

/**
 * Opens the database, brings its schema up to date (or, with `migrate: false`, refuses to go
 * on while a migration is pending: MIGRATE_ON_START=false is for deployments that run
 * `npm run migrate` before rolling out) and answers the handle adapters use. The dialect's
 * lock makes instances that start together take turns, so that no migration runs twice.
 */
export interface OpenOptions {
  /** False: refuse to go on while a migration is pending, instead of applying it. */
  readonly migrate?: boolean;
  /** Told the names of the migrations applied now (npm run migrate logs them). */
  readonly onMigrated?: (names: string[]) => void;
}

export async function openDatabase(dataSource: DataSource, options: OpenOptions = {}): Promise<Database> {
  const dialect = dialectOf(dataSource);
  try {
    await dataSource.initialize();
  } catch (error) {
    // A database that does not exist or a server that does not answer: one line, no stack.
    throw 'url' in dataSource.options && dataSource.options.url ? startUpDatabaseError(dialect, dataSource.options.url, error) : error;
  }
  try {
    await bringSchemaUpToDate(dataSource, dialect, options);
  } catch (error) {
    // A service that cannot start must not keep a pool open behind it.
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return dialect.connection === 'serial' ? new SerialDatabase(dataSource, dialect) : new PooledDatabase(dataSource, dialect);
}

async function bringSchemaUpToDate(dataSource: DataSource, dialect: Dialect, options: OpenOptions): Promise<void> {
  if (options.migrate === false) {
    if (await dataSource.showMigrations()) {
      throw new ConfigError('MIGRATE_ON_START', 'is false, but the database has migrations pending: run npm run migrate first');
    }
    return;
  }
  await dialect.migrateExclusively(dataSource, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    options.onMigrated?.(applied.map((migration) => migration.name));
  });
}
