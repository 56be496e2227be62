import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'mysql' | 'postgres';

/** A database made for one test service, and the way to get rid of it. */
export interface TestDatabase {
  /** A DATABASE_URL the service understands. */
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Which database the integration suites run on: the server TEST_DATABASE_URL names, MySQL/
 * MariaDB (mysql://root@127.0.0.1:3306/test) or PostgreSQL (postgres://postgres@127.0.0.1:5432/postgres),
 * else a temporary SQLite file.
 */
export function databaseKind(): DatabaseKind {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return 'sqlite';
  if (/^(mysql|mariadb):\/\//.test(serverUrl)) return 'mysql';
  if (/^postgres(ql)?:\/\//.test(serverUrl)) return 'postgres';
  // Never fall back to SQLite silently: the run would claim a coverage it did not have.
  throw new Error(`TEST_DATABASE_URL must be a mysql:// or postgres:// URL, not "${serverUrl}"`);
}

/** True on a database server (MySQL/MariaDB, PostgreSQL): a fleet shares it, and its rate_limits table. */
export function onDatabaseServer(): boolean {
  return databaseKind() !== 'sqlite';
}

/** A fresh, empty database of the kind databaseKind() names. */
export function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL!;
  switch (databaseKind()) {
    case 'mysql':
      return createMysqlDatabase(serverUrl);
    case 'postgres':
      return createPostgresDatabase(serverUrl);
    case 'sqlite':
      return createSqliteDatabase();
  }
}

async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-test-'));
  return {
    url: `sqlite:${join(dir, 'db.sqlite')}`,
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

async function createMysqlDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `auth_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  const url = new URL(serverUrl.replace(/^mariadb:/, 'mysql:'));
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS \`${name}\``) };
}

/** Runs one statement on a short-lived connection to the server (no database selected). */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const url = new URL(serverUrl);
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `auth_test_${randomBytes(6).toString('hex')}`;
  await onPostgresServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // WITH (FORCE) ends connections a stopped service may have left (PostgreSQL 13 and later).
  return { url: url.href, drop: () => onPostgresServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Runs one statement on a short-lived connection to the server's TEST_DATABASE_URL database. */
async function onPostgresServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
