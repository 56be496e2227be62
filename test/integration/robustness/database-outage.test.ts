import Sqlite from 'better-sqlite3';
import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { itSurvivesTheOutage, type OutageState } from '../support/outage-behaviours.js';
import { outageFigures, runThroughOutage, type Outage } from '../support/outage-scenario.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { createTestDatabase, databaseKind, onDatabaseServer, type TestDatabase } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const REQUEST_TIMEOUT_MS = 2_000;
const DEFAULT_PORT: Record<string, number> = { mysql: 3306, postgres: 5432 };
const SERVER = databaseKind() === 'postgres' ? 'PostgreSQL' : 'MariaDB';
const LOAD = { total: 200, concurrency: 10, beginAfter: 50 };
// Limits out of the way: logins refused by the outage must not turn into 429s afterwards.
const NO_LIMITS = { REGISTER_MAX_PER_ADDRESS: '1000000', LOGIN_MAX_FAILURES: '1000000', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000' };

async function registerAccounts(t: TestService, count: number): Promise<string[]> {
  const emails = Array.from({ length: count }, () => uniqueEmail('standing'));
  for (const email of emails) {
    const res = await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD });
    if (res.status !== 201) throw new Error(`could not register ${email}: ${res.status}`);
  }
  return emails;
}

/** A service on a fresh database on the server, reached only through a TCP proxy the test controls. */
async function serviceBehindProxy(): Promise<{ database: TestDatabase; proxy: TcpProxy; t: TestService }> {
  const database = await createTestDatabase();
  const server = new URL(database.url);
  const proxy = await TcpProxy.start(server.hostname, Number(server.port || DEFAULT_PORT[databaseKind()]));
  const throughProxy = new URL(database.url);
  throughProxy.port = String(proxy.port);
  const t = await startTestService({ DATABASE_URL: throughProxy.href, REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), ...NO_LIMITS });
  return { database, proxy, t };
}

if (onDatabaseServer()) {
  describe(`${SERVER} cut off under load: a TCP proxy between service and server destroys every connection and refuses new ones, then comes back`, () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    const state = {} as OutageState;
    before(async function () {
      this.timeout(60_000);
      ({ database, proxy, t: state.t } = await serviceBehindProxy());
      state.standing = await registerAccounts(state.t, 10);
      const outage: Outage = { begin: () => proxy.cut(), end: () => proxy.restore() };
      state.run = await runThroughOutage(state.t, outage, { ...LOAD, answeredDuringOutage: 70, accounts: state.standing });
      console.log(`      outage (cut): ${outageFigures(state.run)}`);
    });
    after(async () => {
      await state.t?.stop();
      await proxy?.stop();
      await database?.drop();
    });

    itSurvivesTheOutage(state, REQUEST_TIMEOUT_MS);

    it('says 503 on /health/ready while cut, and 200 again once the server is back', () => {
      expect(state.run.readyDuring.status).to.equal(503);
      expect(state.run.readyDuring.body).to.nested.include({ 'checks.database.status': 'down' });
      expect(state.run.readyAfter.status).to.equal(200);
    });
  });

  describe(`${SERVER} black-holed under load: the proxy stops relaying (no answer, no reset), then resets and comes back`, () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    const state = {} as OutageState;
    before(async function () {
      this.timeout(60_000);
      ({ database, proxy, t: state.t } = await serviceBehindProxy());
      state.standing = await registerAccounts(state.t, 10);
      const outage: Outage = { begin: () => proxy.stall(), end: () => proxy.restore() };
      // Every request in the stall waits out the timeout: 20 of them at 10 at a time, ~4 s.
      state.run = await runThroughOutage(state.t, outage, { total: 100, concurrency: 10, beginAfter: 30, answeredDuringOutage: 20, accounts: state.standing });
      console.log(`      outage (black hole): ${outageFigures(state.run)}`);
    });
    after(async () => {
      await state.t?.stop();
      await proxy?.stop();
      await database?.drop();
    });

    itSurvivesTheOutage(state, REQUEST_TIMEOUT_MS);

    it('says 503 on /health/ready while nothing answers (its check is cut off after 1 s), and 200 afterwards', () => {
      expect(state.run.readyDuring.status).to.equal(503);
      expect(state.run.readyAfter.status).to.equal(200);
    });
  });
} else {
  describe('SQLite file locked by another connection under load (BEGIN EXCLUSIVE held, then released)', () => {
    let holder: Sqlite.Database | undefined;
    const state = {} as OutageState;
    before(async function () {
      this.timeout(60_000);
      state.t = await startTestService({ REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), ...NO_LIMITS });
      state.standing = await registerAccounts(state.t, 10);
      const file = state.t.databaseUrl.slice('sqlite:'.length);
      const outage: Outage = {
        begin: () => {
          holder = new Sqlite(file);
          holder.exec('BEGIN EXCLUSIVE');
        },
        end: () => {
          holder?.exec('ROLLBACK');
          holder?.close();
          holder = undefined;
        },
      };
      // Every write in the lock waits out the timeout: 20 of them at 10 at a time, ~4 s.
      state.run = await runThroughOutage(state.t, outage, { total: 100, concurrency: 10, beginAfter: 30, answeredDuringOutage: 20, accounts: state.standing });
      console.log(`      outage (SQLite lock): ${outageFigures(state.run)}`);
    });
    after(async () => {
      holder?.close();
      await state.t?.stop();
    });

    itSurvivesTheOutage(state, REQUEST_TIMEOUT_MS);

    it('answers the writes held by the lock 503 request-timeout, not a driver error after the 5 s busy wait', () => {
      const refused = [...state.run.registrations, ...state.run.logins].filter((answer) => answer.status === 503);
      expect(refused).to.not.be.empty;
      for (const answer of refused) expect(answer.body.type).to.match(/request-timeout$/);
    });
  });
}
