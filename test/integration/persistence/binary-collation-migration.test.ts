import { expect } from 'chai';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import { createDataSource, openDatabase } from '../../../src/infrastructure/persistence/create-data-source.js';
import { dialectFor, dialectOf } from '../../../src/infrastructure/persistence/dialects/dialects.js';
import { CreateUsersAndSessions1764000000000 } from '../../../src/infrastructure/persistence/migrations/1764000000000-create-users-and-sessions.js';
import { CreateRateLimits1764000001000 } from '../../../src/infrastructure/persistence/migrations/1764000001000-create-rate-limits.js';
import { CreateAccountTokensAndMailOutbox1764000002000 } from '../../../src/infrastructure/persistence/migrations/1764000002000-create-account-tokens-and-mail-outbox.js';
import { createTestDatabase, databaseKind, type TestDatabase } from '../support/test-database.js';
import { TEST_JWT_SECRET } from '../support/test-service.js';

/** The schema as released before identifiers were compared byte for byte. */
const OLD_MIGRATIONS = [CreateUsersAndSessions1764000000000, CreateRateLimits1764000001000, CreateAccountTokensAndMailOutbox1764000002000];
const onMysql = databaseKind() === 'mysql';
// A database server has the rate_limits table (its dialect's limiter store); SQLite has none.
const onServer = databaseKind() !== 'sqlite';
const key = dialectFor(databaseKind()).quote('key');
/** SQL with `?` placeholders, in the database's own form. */
const query = (source: DataSource, sql: string, parameters: readonly unknown[] = []) => source.query(dialectOf(source).placeholders(sql), [...parameters]);

const ROWS: ReadonlyArray<readonly [string, readonly unknown[]]> = [
  [`INSERT INTO users (id, email, email_canonical, password_hash, email_verified_at, password_changed_at, created_at)
    VALUES ('user-1', 'Kevin@example.com', 'kevin@example.com', 'hash', NULL, 1, 1)`, []],
  [`INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, revoked_at, user_agent, ip, successor_key)
    VALUES ('session-1', 'user-1', 1, 1, 9, NULL, 'agent', '127.0.0.1', 'key')`, []],
  [`INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at, spent_at) VALUES ('ab12', 'session-1', 1, 9, NULL)`, []],
  [`INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at, used_at, superseded_at)
    VALUES ('cd34', 'user-1', 'password_reset', 1, 9, NULL, NULL)`, []],
  [`INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
    VALUES ('mail-1', 'Kevin@example.com', 'Reset your password', 'text', 'html', 'pending', 0, 1, 1)`, []],
  ...(onServer ? [[`INSERT INTO rate_limits (${key}, points, expire) VALUES ('recovery_email:AbC', 1, NULL)`, []] as const] : []),
];

const TABLES = ['users', 'sessions', 'refresh_tokens', 'account_tokens', 'mail_outbox', ...(onServer ? ['rate_limits'] : [])];

interface ColumnCollation {
  readonly TABLE_NAME: string;
  readonly COLUMN_NAME: string;
  readonly COLLATION_NAME: string;
}

/** Every string column of the service's tables (not TypeORM's own `migrations`), with its collation. */
function collations(dataSource: DataSource): Promise<ColumnCollation[]> {
  return dataSource.query(
    `SELECT TABLE_NAME, COLUMN_NAME, COLLATION_NAME FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND COLLATION_NAME IS NOT NULL AND TABLE_NAME <> 'migrations'
      ORDER BY TABLE_NAME, COLUMN_NAME`,
  );
}

function expectAllBinary(columns: readonly ColumnCollation[]): void {
  const named = columns.map((c) => `${c.TABLE_NAME}.${c.COLUMN_NAME}`);
  expect(named).to.include.members(['users.email', 'users.email_canonical', 'mail_outbox.recipient', 'rate_limits.key', 'refresh_tokens.token_hash', 'sessions.id']);
  expect(columns.filter((c) => c.COLLATION_NAME !== 'utf8mb4_bin').map((c) => `${c.TABLE_NAME}.${c.COLUMN_NAME} ${c.COLLATION_NAME}`)).to.deep.equal([]);
}

describe(`identifier columns compare byte for byte after an upgrade (${databaseKind()})`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let rowsBefore: Record<string, unknown[]>;
  const config = () => loadConfig({ DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET }).database;
  const allRows = async (source: DataSource): Promise<Record<string, unknown[]>> =>
    Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await source.query(`SELECT * FROM ${table} ORDER BY 1`)] as const)));

  before(async () => {
    // A database made by the old release (MariaDB: utf8mb4, its default utf8mb4_general_ci), in use.
    database = await createTestDatabase();
    const old = new DataSource({ ...createDataSource(config()).options, migrations: OLD_MIGRATIONS });
    await openDatabase(old);
    for (const [sql, parameters] of ROWS) await old.query(sql, [...parameters]);
    rowsBefore = await allRows(old);
    await old.destroy();
    dataSource = createDataSource(config());
    await openDatabase(dataSource);
  });
  after(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('keeps every row it had', async () => {
    // Later migrations add columns (sessions.amr, auth_time): the old columns must hold what they held.
    const after = await allRows(dataSource);
    const oldColumns = (table: string) => Object.fromEntries(
      after[table]!.map((row, i) => [i, Object.fromEntries(Object.keys((rowsBefore[table]![i] ?? {}) as object).map((column) => [column, (row as Record<string, unknown>)[column]]))]),
    );
    const before = (table: string) => Object.fromEntries(rowsBefore[table]!.map((row, i) => [i, row]));
    expect(Object.fromEntries(TABLES.map((table) => [table, oldColumns(table)]))).to.deep.equal(Object.fromEntries(TABLES.map((table) => [table, before(table)])));
  });

  it('counts a session begun before amr was recorded as a password login proved when it began', async () => {
    const [row] = await dataSource.query("SELECT amr, auth_time, created_at FROM sessions WHERE id = 'session-1'");
    expect([row.amr, Number(row.auth_time)]).to.deep.equal(['pwd', Number(row.created_at)]);
  });

  // Defined on MySQL only, not skipped elsewhere (CI counts a skipped test as failed): SQLite
  // compares with BINARY unless a column says otherwise; PostgreSQL has its own check below.
  if (onMysql) {
    it('ends with every string column of every table in utf8mb4_bin', async () => {
      expectAllBinary(await collations(dataSource));
    });
  }

  // PostgreSQL's collations are deterministic unless made otherwise: strings equal only when
  // their bytes are. Checked, for a database created with a nondeterministic default (PG 17+ allows it).
  if (databaseKind() === 'postgres') {
    it('ends with every string column of every table in a deterministic collation', async () => {
      const columns: Array<{ name: string; collname: string; deterministic: boolean }> = await dataSource.query(
        `SELECT c.relname || '.' || a.attname AS name, co.collname, co.collisdeterministic AS deterministic
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_collation co ON co.oid = a.attcollation
          WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> 'migrations'`,
      );
      expect(columns.map((c) => c.name)).to.include.members(['users.email', 'users.email_canonical', 'mail_outbox.recipient', 'rate_limits.key', 'refresh_tokens.token_hash', 'sessions.id']);
      expect(columns.filter((c) => !c.deterministic).map((c) => `${c.name} ${c.collname}`)).to.deep.equal([]);
    });
  }

  it('finds no row for a look-alike of a stored address, and stores one beside it', async () => {
    expect(await query(dataSource, 'SELECT id FROM users WHERE email_canonical = ?', ['kęvįn@exąmplė.com'])).to.deep.equal([]);
    await dataSource.query(
      `INSERT INTO users (id, email, email_canonical, password_hash, email_verified_at, password_changed_at, created_at)
        VALUES ('user-2', 'kévin@example.com', 'kévin@example.com', 'hash', NULL, 1, 1)`,
    );
    const stored = await dataSource.query('SELECT email_canonical FROM users ORDER BY id');
    expect(stored.map((row: { email_canonical: string }) => row.email_canonical)).to.deep.equal(['kevin@example.com', 'kévin@example.com']);
  });

  if (onServer) {
    it('counts a throttle key apart from the same key in another case', async () => {
      await dataSource.query(`INSERT INTO rate_limits (${key}, points, expire) VALUES ('recovery_email:abc', 1, NULL)`);
      const keys = await dataSource.query(`SELECT ${key} FROM rate_limits WHERE ${key} = 'recovery_email:abc'`);
      expect(keys).to.deep.equal([{ key: 'recovery_email:abc' }]);
    });
  }

  it('keeps the foreign keys: deleting the user still deletes its sessions, tokens and mailed tokens', async () => {
    await dataSource.query("DELETE FROM users WHERE id = 'user-1'");
    const left = await Promise.all(['sessions', 'refresh_tokens', 'account_tokens'].map((table) => dataSource.query(`SELECT * FROM ${table}`)));
    expect(left).to.deep.equal([[], [], []]);
  });
});

if (onMysql) describe(`a fresh install compares identifiers byte for byte (${databaseKind()})`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  before(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource(loadConfig({ DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET }).database);
    await openDatabase(dataSource);
  });
  after(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('ends with every string column of every table in utf8mb4_bin, on a database whose default folds', async () => {
    const [schema] = await dataSource.query('SELECT DEFAULT_COLLATION_NAME AS c FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()');
    expect(schema.c).to.equal('utf8mb4_general_ci');
    expectAllBinary(await collations(dataSource));
  });
});
