import { setTimeout as sleep } from 'node:timers/promises';
import Sqlite from 'better-sqlite3';
import { expect } from 'chai';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail } from '../support/accounts.js';
import { lockUsers, type DatabaseLock } from '../support/database-lock.js';
import { inFlight } from '../support/in-flight.js';
import { connectToServer, type ServerConnection } from '../support/server-connection.js';
import { databaseKind, onDatabaseServer } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

// The service's statements the server is running (or holding on a lock) right now; on MySQL a
// prepared one (the reads, Dialect.preparedRead) shows as Execute or Prepare, not Query.
const RUNNING_STATEMENTS: Record<string, string> = {
  mysql: "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND COMMAND IN ('Query', 'Execute', 'Prepare') AND ID <> CONNECTION_ID()",
  postgres: "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()",
};

if (onDatabaseServer()) {
  describe(`DATABASE_POOL_SIZE on ${databaseKind()}`, () => {
    let t: TestService;
    let lock: DatabaseLock | undefined;
    let admin: ServerConnection;
    before(async () => {
      t = await startTestService({ DATABASE_POOL_SIZE: '3', REQUEST_TIMEOUT_MS: '5000' });
      admin = await connectToServer(t.databaseUrl);
    });
    after(async () => {
      await lock?.release();
      await admin?.end();
      await t?.stop();
    });

    async function statementsInTheServer(): Promise<number> {
      const [row] = await admin.query<{ n: number | string }>(RUNNING_STATEMENTS[databaseKind()]!);
      return Number(row!.n);
    }

    it('runs at most 3 statements at once with DATABASE_POOL_SIZE=3: of eight registrations on a locked table, three wait in the server', async () => {
      lock = await lockUsers(t.databaseUrl);
      const waiting = Array.from({ length: 8 }, () => inFlight(t.http().post('/auth/register').send({ email: uniqueEmail(), password: TEST_PASSWORD })));
      let seen = 0;
      for (let probe = 0; probe < 60 && seen < 3; probe++) {
        await sleep(50);
        seen = await statementsInTheServer();
      }
      await sleep(200); // time for a fourth connection, were the pool larger
      expect(await statementsInTheServer()).to.equal(3);
      await lock.release();
      lock = undefined;
      expect((await Promise.all(waiting)).map((res) => res.status)).to.deep.equal(Array(8).fill(201));
    });
  });
} else {
  describe('SQLite file settings', () => {
    let t: TestService;
    before(async () => {
      t = await startTestService();
    });
    after(async () => {
      await t?.stop();
    });

    it('keeps the database file in WAL mode, as a second connection sees it', () => {
      const reader = new Sqlite(t.databaseUrl.slice('sqlite:'.length), { readonly: true });
      try {
        expect(reader.pragma('journal_mode', { simple: true })).to.equal('wal');
      } finally {
        reader.close();
      }
    });

    it('holds SQLite\'s own default page cache, 2 MB, on its connection (better-sqlite3 builds with 16 MB, which a large table fills)', () => {
      const connection = (t.service.dataSource.driver as unknown as { databaseConnection: Sqlite.Database }).databaseConnection;
      expect(connection.pragma('cache_size', { simple: true })).to.equal(-2000);
    });

    it('prepares no statement of its own for a registration, a login or a refresh: each SQL text is the same every time', async () => {
      const connection = (t.service.dataSource.driver as unknown as { databaseConnection: Sqlite.Database }).databaseConnection;
      const journey = async () => {
        const { user } = await registerAndLogin(t);
        const login = await t.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD });
        expect(login.status).to.equal(200);
        expect((await t.http().post('/auth/refresh').send({ refreshToken: login.body.refresh_token })).status).to.equal(200);
      };
      await journey(); // every statement of the journey, prepared once
      const prepare = connection.prepare.bind(connection);
      const texts = new Set<string>();
      connection.prepare = ((sql: string) => (texts.add(sql), prepare(sql))) as typeof connection.prepare;
      try {
        for (let i = 0; i < 3; i += 1) await journey();
      } finally {
        connection.prepare = prepare;
      }
      // The statement caches hold what the first journey prepared; a text seen here is one
      // made anew, and one per journey (a literal in the SQL) would be three.
      expect([...texts]).to.deep.equal([]);
    });

    it('waits for another connection’s write lock instead of failing: a registration made while it is held briefly answers 201', async () => {
      const lock = await lockUsers(t.databaseUrl);
      const registration = inFlight(t.http().post('/auth/register').send({ email: uniqueEmail(), password: TEST_PASSWORD }));
      // Released by a timer in this same process: it fires only if waiting does not block the event loop.
      const released = sleep(300).then(() => lock.release());
      const res = await registration;
      await released;
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
    });
  });
}
