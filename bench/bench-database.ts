import { join } from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { Figure } from './figure.js';
import type { TableRows } from './mfa-accounts.js';
import { insertRows, seedEmail, seedUsers } from './seed-users.js';

/** Where one service of the bench keeps its data: a SQLite file, or a fresh database on BENCH_DATABASE_URL's server. */
export interface BenchDatabase {
  readonly kind: 'sqlite' | 'mysql' | 'postgres';
  readonly url: string;
  /** `count` users sharing one hash, in bulk, after the service made the schema. */
  seed(count: number, passwordHash: string): Promise<void>;
  /** Rows into tables, in bulk and in order (a user before what refers to it), after the service made the schema. */
  insert(tables: readonly TableRows[]): Promise<void>;
  /**
   * The server's own write ceiling: one connection updating one row in a loop, each UPDATE
   * its own commit. Refresh and login commit on every request; this bounds them (null: SQLite,
   * whose writes are in-process).
   */
  commitLoop(seconds: number): Promise<Figure | null>;
  drop(): Promise<void>;
}

const kindOf = (url: string | undefined): BenchDatabase['kind'] => (!url ? 'sqlite' : /^postgres(ql)?:/.test(url) ? 'postgres' : 'mysql');

/** The database of service `name`: on the server BENCH_DATABASE_URL names, else a SQLite file in `dir`. */
export async function benchDatabase(dir: string): Promise<BenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const kind = kindOf(serverUrl);
  if (kind === 'sqlite') {
    const file = join(dir, 'auth.sqlite');
    return {
      kind,
      url: `sqlite:${file}`,
      seed: async (count, hash) => seedUsers(file, count, hash),
      insert: async (tables) => insertRows(file, tables),
      commitLoop: async () => null,
      drop: async () => undefined,
    };
  }
  // The integration suites' own way of making and dropping a fresh database (TEST_DATABASE_URL).
  process.env.TEST_DATABASE_URL = serverUrl;
  const { createTestDatabase } = await import('../test/integration/support/test-database.js');
  const database = await createTestDatabase();
  const sql = kind === 'mysql' ? mysqlRunner(database.url) : postgresRunner(database.url);
  return {
    kind,
    url: database.url,
    seed: (count, hash) => seedInBatches(sql, kind, count, hash),
    insert: (tables) => insertInBatches(sql, kind, tables),
    commitLoop: (seconds) => commitLoop(sql, seconds),
    drop: async () => {
      await sql.end();
      await database.drop();
    },
  };
}

interface Runner {
  query(statement: string, parameters?: unknown[]): Promise<unknown>;
  end(): Promise<void>;
}

function mysqlRunner(url: string): Runner {
  const pool = mysql.createPool({ uri: url, connectionLimit: 1 });
  return { query: (s, p) => pool.query(s, p), end: () => pool.end() };
}

function postgresRunner(url: string): Runner {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return { query: (s, p) => pool.query(s, p), end: () => pool.end() };
}

/** Multi-row INSERTs of 1,000 users, each its own commit: what bulk registrations would leave. */
async function seedInBatches(sql: Runner, kind: BenchDatabase['kind'], count: number, passwordHash: string): Promise<void> {
  const now = Date.now();
  const BATCH = 1_000;
  for (let first = 0; first < count; first += BATCH) {
    const rows: unknown[] = [];
    const n = Math.min(BATCH, count - first);
    for (let i = first; i < first + n; i += 1) rows.push(crypto.randomUUID(), seedEmail(i), seedEmail(i), passwordHash, now, now);
    let p = 0;
    const tuple = () => (kind === 'postgres' ? `($${++p}, $${++p}, $${++p}, $${++p}, NULL, $${++p}, $${++p})` : '(?, ?, ?, ?, NULL, ?, ?)');
    const values = Array.from({ length: n }, tuple).join(', ');
    await sql.query(`INSERT INTO users (id, email, email_canonical, password_hash, email_verified_at, password_changed_at, created_at) VALUES ${values}`, rows);
  }
}

/** Multi-row INSERTs of up to 1,000 rows, each its own commit. */
async function insertInBatches(sql: Runner, kind: BenchDatabase['kind'], tables: readonly TableRows[]): Promise<void> {
  const BATCH = 1_000;
  for (const { table, columns, rows } of tables) {
    for (let first = 0; first < rows.length; first += BATCH) {
      const batch = rows.slice(first, first + BATCH);
      let p = 0;
      const tuple = () => `(${columns.map(() => (kind === 'postgres' ? `$${++p}` : '?')).join(', ')})`;
      await sql.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(tuple).join(', ')}`, batch.flat());
    }
  }
}

async function commitLoop(sql: Runner, seconds: number): Promise<Figure> {
  await sql.query('CREATE TABLE IF NOT EXISTS bench_commits (id INT PRIMARY KEY, n BIGINT NOT NULL)');
  await sql.query('DELETE FROM bench_commits');
  await sql.query('INSERT INTO bench_commits (id, n) VALUES (1, 0)');
  const latenciesMs: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    await sql.query('UPDATE bench_commits SET n = n + 1 WHERE id = 1');
    latenciesMs.push(performance.now() - started);
  }
  return { count: latenciesMs.length, seconds, latenciesMs: latenciesMs.sort((a, b) => a - b), non2xx: 0, errors: 0, statuses: {}, serverCpuSeconds: NaN };
}
