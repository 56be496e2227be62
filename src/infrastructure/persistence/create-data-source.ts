import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/config.js';
import { allMigrations } from './migrations/all-migrations.js';
import { RefreshTokenRecordSchema, SessionRecordSchema } from './session-record.js';
import { UserRecordSchema } from './user-record.js';

const entities = [UserRecordSchema, SessionRecordSchema, RefreshTokenRecordSchema];

/** The DataSource for DATABASE_URL: embedded SQLite (better-sqlite3) or MySQL/MariaDB (mysql2). */
export function createDataSource(config: DatabaseConfig): DataSource {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    return new DataSource({
      type: 'better-sqlite3',
      database: config.file,
      entities,
      migrations: allMigrations,
      // WAL lets readers run beside the writer; writers queue for up to 5 s instead of failing.
      enableWAL: true,
      timeout: 5_000,
    });
  }
  return new DataSource({
    type: 'mysql',
    url: config.url,
    charset: 'utf8mb4',
    entities,
    migrations: allMigrations,
    poolSize: config.poolSize,
    connectTimeout: 5_000,
    extra: { enableKeepAlive: true },
  });
}

const MIGRATION_LOCK = 'auth_service_migrations';

/**
 * Opens the database and brings its schema up to date. On MySQL a named lock makes instances
 * that start together take turns, so that no migration runs twice.
 */
export async function openDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.initialize();
  if (dataSource.options.type !== 'mysql') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lockHolder = dataSource.createQueryRunner();
  try {
    const [row] = await lockHolder.query('SELECT GET_LOCK(?, 60) AS acquired', [MIGRATION_LOCK]);
    if (Number(row?.acquired) !== 1) throw new Error('timed out waiting for the migration lock');
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lockHolder.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]).catch(() => undefined);
    await lockHolder.release();
  }
}
