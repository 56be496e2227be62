import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { lockUsers, type DatabaseLock } from '../support/database-lock.js';
import { inFlight } from '../support/in-flight.js';
import { expectProblem } from '../support/problems.js';
import { usersByEmail } from '../support/rows.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const REQUEST_TIMEOUT_MS = 1_000;

// SQLite: another connection holds the file's write lock, and the driver would wait 5 s for
// it. MySQL: another connection holds LOCK TABLES users WRITE, which a statement waits on
// for lock_wait_timeout (a year by default). Either way the request outlives its timeout.
describe(`a request still running at REQUEST_TIMEOUT_MS (${databaseKind()}: the users table locked by another connection)`, () => {
  let t: TestService;
  let lock: DatabaseLock | undefined;
  before(async () => {
    t = await startTestService({ REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
  });
  afterEach(async () => {
    await lock?.release();
    lock = undefined;
  });
  after(async () => {
    await t?.stop();
  });

  it('is answered 503 problem+json with Retry-After, as request-timeout', async () => {
    lock = await lockUsers(t.databaseUrl);
    const res = await t.http().post('/auth/register').send({ email: uniqueEmail(), password: TEST_PASSWORD });
    expectProblem(res, 503);
    expect(res.headers['retry-after']).to.match(/^\d+$/);
    expect(res.body.type).to.match(/request-timeout$/);
  });

  it('leaves the process answering other requests while it waits (GET /health/live)', async () => {
    lock = await lockUsers(t.databaseUrl);
    const answered: string[] = [];
    const waiting = inFlight(t.http().post('/auth/register').send({ email: uniqueEmail(), password: TEST_PASSWORD })).then((res) => {
      answered.push('registration');
      return res;
    });
    await sleep(100); // the registration is in the server, waiting for the lock
    const live = await t.http().get('/health/live');
    answered.push('live');
    expect(live.status).to.equal(200);
    expect((await waiting).status).to.equal(503);
    expect(answered).to.deep.equal(['live', 'registration']);
  });

  it('writes nothing once the lock is released (the abandoned work is dropped), and a retry registers the address', async () => {
    const email = uniqueEmail();
    lock = await lockUsers(t.databaseUrl);
    expect((await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD })).status).to.equal(503);
    await lock.release();
    lock = undefined;
    // The abandoned work resumes once the lock is gone: give it the time to finish (on SQLite
    // the login below also queues behind it) before looking for its row.
    await sleep(300);
    await t.http().post('/auth/login').send({ email, password: TEST_PASSWORD });
    expect(await usersByEmail(t, email)).to.have.length(0);
    expect((await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD })).status).to.equal(201);
  });
});
