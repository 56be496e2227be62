import Sqlite from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { databaseKind } from './test-database.js';

/** A lock another connection holds on the service's database, as a slow database looks. */
export interface DatabaseLock {
  release(): Promise<void>;
}

/**
 * Takes the `users` table away from the service: on SQLite a second connection holds the
 * file's write lock (BEGIN EXCLUSIVE; readers go on, in WAL mode); on MySQL/MariaDB a second
 * connection holds `LOCK TABLES users WRITE` (every statement on users waits); on PostgreSQL a
 * second connection's open transaction holds `LOCK TABLE users IN ACCESS EXCLUSIVE MODE` (the same).
 */
export async function lockUsers(databaseUrl: string): Promise<DatabaseLock> {
  if (databaseKind() === 'sqlite') {
    const holder = new Sqlite(databaseUrl.slice('sqlite:'.length));
    holder.exec('BEGIN EXCLUSIVE');
    return {
      release: async () => {
        holder.exec('ROLLBACK');
        holder.close();
      },
    };
  }
  if (databaseKind() === 'postgres') {
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    return {
      release: async () => {
        await holder.query('ROLLBACK');
        await holder.end();
      },
    };
  }
  const holder = await mysql.createConnection(databaseUrl);
  await holder.query('LOCK TABLES users WRITE');
  return {
    release: async () => {
      await holder.query('UNLOCK TABLES');
      await holder.end();
    },
  };
}
