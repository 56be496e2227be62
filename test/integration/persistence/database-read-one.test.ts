import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import { createDataSource, openDatabase } from '../../../src/infrastructure/persistence/create-data-source.js';
import type { Database } from '../../../src/infrastructure/persistence/database.js';
import { createTestDatabase, databaseKind, type TestDatabase } from '../support/test-database.js';
import { TEST_JWT_SECRET } from '../support/test-service.js';

const INSERT_USER = `INSERT INTO users (id, email, email_canonical, password_hash, email_verified_at, password_changed_at, created_at)
  VALUES (?, ?, ?, 'hash', NULL, 0, 0)`;

// Database.readOne runs a look-up at once on SQLite when nothing is queued (the hot path of
// every authenticated request): it must still never join, or see into, a transaction.
describe(`Database.readOne (${databaseKind()})`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let db: Database;

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource(loadConfig({ DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET }).database);
    db = await openDatabase(dataSource);
  });
  afterEach(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  });

  it('answers the row a committed write left, and undefined for none', async () => {
    await db.run((manager) => manager.query(INSERT_USER, ['user-1', 'ann@example.com', 'ann@example.com']));
    expect(await db.readOne('SELECT id, email FROM users WHERE id = ?', ['user-1'])).to.deep.equal({ id: 'user-1', email: 'ann@example.com' });
    expect(await db.readOne('SELECT id FROM users WHERE id = ?', ['user-2'])).to.equal(undefined);
  });

  it('answers every column under its name or alias, in the order of the SELECT', async () => {
    await db.run((manager) => manager.query(INSERT_USER, ['user-1', 'ann@example.com', 'ann@example.com']));
    await sleep(0); // the queue empty again: SQLite answers on its statement prepared once
    const row = await db.readOne("SELECT email, email_verified_at AS verified, 'x' AS tag, id FROM users WHERE id = ?", ['user-1']);
    expect(row && Object.entries(row)).to.deep.equal([
      ['email', 'ann@example.com'],
      ['verified', null],
      ['tag', 'x'],
      ['id', 'user-1'],
    ]);
  });

  it('never answers a row of a transaction still open, which then rolls back', async () => {
    let written!: () => void;
    const insideTransaction = new Promise<void>((resolve) => (written = resolve));
    const transaction = db
      .transaction(async (manager) => {
        await manager.query(INSERT_USER, ['user-1', 'ann@example.com', 'ann@example.com']);
        written();
        await sleep(50);
        throw new Error('rolled back on purpose');
      })
      .catch((error: Error) => error.message);
    await insideTransaction;
    expect(await db.readOne('SELECT id FROM users WHERE id = ?', ['user-1'])).to.equal(undefined);
    expect(await transaction).to.equal('rolled back on purpose');
  });

  // On SQLite the reads outside a request's deadline (these, and every GET's) asked for in one
  // turn of the event loop run together, in one read transaction (ReadsOfOneTurn).
  it('answers each of the reads asked for in one turn its own row', async () => {
    for (const n of [1, 2, 3]) await db.run((manager) => manager.query(INSERT_USER, [`user-${n}`, `u${n}@example.com`, `u${n}@example.com`]));
    await sleep(0);
    const rows = await Promise.all(['user-3', 'user-9', 'user-1', 'user-2'].map((id) => db.readOne('SELECT id, email FROM users WHERE id = ?', [id])));
    expect(rows).to.deep.equal([{ id: 'user-3', email: 'u3@example.com' }, undefined, { id: 'user-1', email: 'u1@example.com' }, { id: 'user-2', email: 'u2@example.com' }]);
  });

  it('never answers from a transaction begun in the same turn as the read, which then rolls back', async () => {
    const read = db.readOne('SELECT id FROM users WHERE id = ?', ['user-1']);
    const transaction = db
      .transaction(async (manager) => {
        await manager.query(INSERT_USER, ['user-1', 'ann@example.com', 'ann@example.com']);
        await sleep(50);
        throw new Error('rolled back on purpose');
      })
      .catch((error: Error) => error.message);
    expect(await read).to.equal(undefined);
    expect(await transaction).to.equal('rolled back on purpose');
  });

  it('fails a broken read of a turn alone, and holds no snapshot after it: another connection\'s commit is read next', async () => {
    await db.run((manager) => manager.query(INSERT_USER, ['user-1', 'ann@example.com', 'ann@example.com']));
    await sleep(0);
    const [first, broken, last] = await Promise.allSettled([
      db.readOne('SELECT id FROM users WHERE id = ?', ['user-1']),
      db.readOne('SELECT no_such_column FROM users WHERE id = ?', ['user-1']),
      db.readOne('SELECT email FROM users WHERE id = ?', ['user-1']),
    ]);
    expect(first).to.deep.equal({ status: 'fulfilled', value: { id: 'user-1' } });
    expect(broken.status).to.equal('rejected');
    expect(last).to.deep.equal({ status: 'fulfilled', value: { email: 'ann@example.com' } });
    const other = createDataSource(loadConfig({ DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET }).database);
    const otherDb = await openDatabase(other);
    try {
      await otherDb.transaction((manager) => manager.query(INSERT_USER, ['user-2', 'bob@example.com', 'bob@example.com']));
    } finally {
      await other.destroy();
    }
    expect(await db.readOne('SELECT id FROM users WHERE id = ?', ['user-2'])).to.deep.equal({ id: 'user-2' });
    await db.transaction((manager) => manager.query(INSERT_USER, ['user-3', 'cy@example.com', 'cy@example.com']));
    expect(await db.readOne('SELECT id FROM users WHERE id = ?', ['user-3'])).to.deep.equal({ id: 'user-3' });
  });
});
