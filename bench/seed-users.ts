import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { TableRows } from './mfa-accounts.js';

/** The e-mail of seeded user i: seeded users all share SEED_PASSWORD. */
export const seedEmail = (i: number) => `seed-${i}@bench.example`;
export const SEED_PASSWORD = 'correct horse battery staple, seeded';

/**
 * Adds `count` users to the service's SQLite file in one transaction, through one prepared
 * INSERT, all with the one precomputed `passwordHash`. Run while the service is stopped (it
 * made the schema): the rows are what a million registrations would have left.
 */
export function seedUsers(file: string, count: number, passwordHash: string): void {
  const db = new Database(file);
  try {
    // A bulk load into a throw-away file: a large cache, and no fsync until the checkpoint.
    db.pragma('cache_size = -262144');
    db.pragma('synchronous = OFF');
    const insert = db.prepare(
      `INSERT INTO users (id, email, email_canonical, password_hash, email_verified_at, password_changed_at, created_at)
       VALUES (?, ?, ?, ?, NULL, ?, ?)`,
    );
    const now = Date.now();
    db.transaction(() => {
      for (let i = 0; i < count; i += 1) {
        const email = seedEmail(i);
        insert.run(randomUUID(), email, email, passwordHash, now, now);
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/**
 * Rows into the SQLite file, all in one transaction, one prepared INSERT per table. The
 * service may be running (WAL: its readers go on; it has nothing to write meanwhile).
 */
export function insertRows(file: string, tables: readonly TableRows[]): void {
  const db = new Database(file, { timeout: 5_000 });
  try {
    // The users table may hold a million rows already: its indexes' pages in a large cache.
    db.pragma('cache_size = -262144');
    db.transaction(() => {
      for (const { table, columns, rows } of tables) {
        const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of rows) insert.run(...row);
      }
    })();
  } finally {
    db.close();
  }
}
