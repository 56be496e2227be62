import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { codesOf } from './database-errors.js';
import type { Database } from './database.js';
import { dialectFor, dialectOf } from './dialects/dialects.js';
import { allMigrations } from './migrations/all-migrations.js';
import { PooledDatabase } from './pooled-database.js';
import { SerialDatabase } from './serial-database.js';
import { RefreshTokenRecordSchema, SessionRecordSchema } from './session-record.js';
import { UserRecordSchema } from './user-record.js';

const entities = [UserRecordSchema, SessionRecordSchema, RefreshTokenRecordSchema];

/** The DataSource for DATABASE_URL: embedded SQLite (better-sqlite3), or a server in its dialect's terms. */
export function createDataSource(config: DatabaseConfig): DataSource {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
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
  return new DataSource({ ...dialectFor(config.kind).serverOptions!(config), entities, migrations: allMigrations });
}

/**
 * Opens the database, brings its schema up to date and answers the handle adapters use. The
 * dialect's lock makes instances that start together take turns, so that no migration runs twice.
 */
export async function openDatabase(dataSource: DataSource): Promise<Database> {
  const dialect = dialectOf(dataSource);
  try {
    await dataSource.initialize();
  } catch (error) {
    if (codesOf(error).some((code) => dialect.errors.isMissingDatabase(code))) {
      throw new ConfigError('DATABASE_URL', 'names a database that does not exist on the server: create it first');
    }
    throw error;
  }
  await dialect.migrateExclusively(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
  return dialect.connection === 'serial' ? new SerialDatabase(dataSource, dialect) : new PooledDatabase(dataSource, dialect);
}
