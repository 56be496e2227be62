import { expect } from 'chai';
import type { Response } from 'supertest';
import { allMigrations } from '../../../src/infrastructure/persistence/migrations/all-migrations.js';
import { TEST_PASSWORD, uniqueEmail, type TokenResponse } from '../support/accounts.js';
import { fromAddress, uniqueAddress } from '../support/client-address.js';
import { startFleet, stopFleet, type FleetInstance } from '../support/fleet.js';
import { TEST_REDIS_URL } from '../support/redis-store.js';
import { connectToServer, type ServerConnection } from '../support/server-connection.js';
import { sessionIdOf } from '../support/session-flow.js';
import { createTestDatabase, databaseKind, onDatabaseServer, type TestDatabase } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { expectTooMany, WRONG_PASSWORD } from '../support/throttle-answers.js';

/** Anything with an HTTP client on a running instance: a spawned process or an in-process service. */
interface Instance {
  http(): ReturnType<TestService['http']>;
}

// Limits counted in Redis outlive a run: each account comes from an address of its own.
async function loginOn(instance: Instance, email = uniqueEmail('fleet')): Promise<TokenResponse> {
  const address = fromAddress(uniqueAddress());
  expect((await instance.http().post('/auth/register').set(address).send({ email, password: TEST_PASSWORD })).status).to.equal(201);
  const login = await instance.http().post('/auth/login').set(address).send({ email, password: TEST_PASSWORD });
  expect(login.status).to.equal(200);
  return login.body as TokenResponse;
}

const refreshOn = (instance: Instance, refreshToken: string): Promise<Response> => instance.http().post('/auth/refresh').send({ refreshToken });

/** The behaviours a fleet must show, whichever way its two instances run. */
function itBehavesAsOneService(fleet: () => { a: Instance; b: Instance; theftA: Instance; theftB: Instance }): void {
  it('counts failed logins spread over both instances together (Redis): the 4th answers 429, wherever it lands', async () => {
    const { a, b } = fleet();
    const email = uniqueEmail('throttle');
    const address = fromAddress(uniqueAddress());
    expect((await a.http().post('/auth/register').set(address).send({ email, password: TEST_PASSWORD })).status).to.equal(201);
    const attempt = (instance: Instance) => instance.http().post('/auth/login').set(address).send({ email, password: WRONG_PASSWORD });
    expect((await attempt(a)).status).to.equal(401);
    expect((await attempt(b)).status).to.equal(401);
    expect((await attempt(a)).status).to.equal(401);
    expectTooMany(await attempt(b));
    expectTooMany(await attempt(a));
  });

  it('treats a refresh token spent on one instance as spent on the other: with no grace, its reuse there is theft (401, family revoked)', async () => {
    const { theftA, theftB } = fleet();
    const session = await loginOn(theftA);
    const rotated = await refreshOn(theftA, session.refresh_token);
    expect(rotated.status).to.equal(200);
    expect((await refreshOn(theftB, session.refresh_token)).status).to.equal(401);
    // The theft ended the whole family: the successor is dead on both.
    expect((await refreshOn(theftA, rotated.body.refresh_token)).status).to.equal(401);
  });

  it('gives concurrent refreshes of one token, spread over both instances, exactly one successor', async () => {
    const { a, b } = fleet();
    const session = await loginOn(a);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => refreshOn(i % 2 ? a : b, session.refresh_token)));
    expect(answers.map((res) => res.status)).to.deep.equal(Array(10).fill(200));
    const successors = new Set(answers.map((res) => res.body.refresh_token as string));
    expect(successors.size).to.equal(1);
    expect((await refreshOn(b, [...successors][0]!)).status).to.equal(200);
  });

  it('refuses an access token on both instances at once after a logout on one, with GETs sent together before and after it', async () => {
    const { a, b } = fleet();
    const session = await loginOn(a);
    const me = (instance: Instance) => instance.http().get('/users/me').set('Authorization', `Bearer ${session.access_token}`);
    const meOnBoth = () => Promise.all(Array.from({ length: 10 }, (_, i) => me(i % 2 ? a : b)));
    expect((await meOnBoth()).map((res) => res.status)).to.deep.equal(Array(10).fill(200));
    expect((await a.http().post('/auth/logout').send({ refreshToken: session.refresh_token })).status).to.equal(204);
    expect((await meOnBoth()).map((res) => res.status)).to.deep.equal(Array(10).fill(401));
  });
}

if (onDatabaseServer()) {
  describe(`a fleet: two node dist/src/main.js processes on one ${databaseKind()} database and one Redis`, () => {
    let database: TestDatabase;
    let fleet: FleetInstance[] | undefined;
    let theftFleet: FleetInstance[] | undefined;
    let db: ServerConnection;
    before(async function () {
      this.timeout(60_000);
      database = await createTestDatabase();
      db = await connectToServer(database.url);
      const shared = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '3' };
      // Both at the same moment on the fresh, empty database: both run the migrations.
      fleet = await startFleet(['a', 'b'], shared);
      theftFleet = await startFleet(['theft-a', 'theft-b'], { ...shared, REFRESH_REUSE_GRACE: '0' });
    });
    after(async () => {
      stopFleet(fleet);
      stopFleet(theftFleet);
      await db?.end();
      await database?.drop();
    });

    it('starts both instances at once on a fresh database: both ready, each migration applied once', async () => {
      for (const instance of fleet!) expect((await instance.http().get('/health/ready')).status, instance.name).to.equal(200);
      const applied = await db.query<{ name: string; times: number | string }>('SELECT name, COUNT(*) AS times FROM migrations GROUP BY name');
      expect(applied.map((row) => row.name).sort()).to.deep.equal(allMigrations.map((migration) => migration.name).sort());
      for (const row of applied) expect(Number(row.times), row.name).to.equal(1);
    });

    itBehavesAsOneService(() => ({ a: fleet![0]!, b: fleet![1]!, theftA: theftFleet![0]!, theftB: theftFleet![1]! }));

    it('keeps one family row and two token rows for the concurrent refreshes across instances', async () => {
      const [a, b] = fleet!;
      const session = await loginOn(a!);
      await Promise.all(Array.from({ length: 10 }, (_, i) => refreshOn(i % 2 ? a! : b!, session.refresh_token)));
      const tokens = await db.query<{ spent_at: unknown }>('SELECT spent_at FROM refresh_tokens WHERE session_id = ?', [sessionIdOf(session.access_token)]);
      expect(tokens.map((row) => row.spent_at === null).sort()).to.deep.equal([false, true]);
    });
  });
} else {
  describe('two services in one process on one SQLite file, one Redis (SQLite runs as one process: this is its fleet)', () => {
    let a: TestService;
    let b: TestService;
    let theftA: TestService;
    let theftB: TestService;
    before(async () => {
      const shared = { REDIS_URL: TEST_REDIS_URL, TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '3' };
      a = await startTestService(shared);
      b = await startTestService({ ...shared, DATABASE_URL: a.databaseUrl });
      theftA = await startTestService({ ...shared, DATABASE_URL: a.databaseUrl, REFRESH_REUSE_GRACE: '0' });
      theftB = await startTestService({ ...shared, DATABASE_URL: a.databaseUrl, REFRESH_REUSE_GRACE: '0' });
    });
    after(async () => {
      for (const t of [theftB, theftA, b]) await t?.stop();
      await a?.stop();
    });

    itBehavesAsOneService(() => ({ a, b, theftA, theftB }));

    it('opens the file in WAL mode from every connection, so the services read beside each other’s writes', async () => {
      expect(await b.query('PRAGMA journal_mode')).to.deep.equal([{ journal_mode: 'wal' }]);
    });
  });
}
