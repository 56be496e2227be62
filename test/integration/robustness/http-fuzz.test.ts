import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { hostileRequestFor } from '../support/hostile-requests.js';
import { rawRequest } from '../support/raw-request.js';
import { expectServiceAnswer, StatusTally } from '../support/service-answers.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

// Fixed seed, bounded runs: the same requests every run, a few seconds in all. A failure
// prints the seed and the path of the shrunk counterexample to replay it.
const SEED = 8_2026;
const RUNS_PER_ROUTE = 50;

describe(`HTTP edge under hostile requests (fast-check, ${databaseKind()})`, () => {
  let t: TestService;
  let outbox: string;
  let liveToken: string;
  const tally = new StatusTally();
  before(async () => {
    outbox = await mkdtemp(join(tmpdir(), 'auth-fuzz-outbox-'));
    // Limits out of the way: the fuzz is about answers, and the last test needs a normal login.
    t = await startTestService({
      MAIL_OUTBOX_DIR: outbox,
      REGISTER_MAX_PER_ADDRESS: '1000000',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000',
      RECOVERY_MAX_PER_ADDRESS: '1000000',
    });
    liveToken = (await registerAndLogin(t)).access_token;
  });
  after(async () => {
    await t?.stop();
    await rm(outbox, { recursive: true, force: true });
    console.log(`      fuzz: ${tally.total} requests, ${RUNS_PER_ROUTE} per route, by status ${JSON.stringify(tally.counts)}`);
  });

  it('answers hostile requests aimed at every route, with and without a live token: no 5xx, every refusal problem+json', async function () {
    this.timeout(120_000);
    expect(t.service.routes.length).to.be.above(10);
    for (const route of t.service.routes) {
      await fc.assert(
        fc.asyncProperty(hostileRequestFor(route, liveToken), async (request) => {
          const res = await rawRequest(t.url, request);
          tally.add(res.status);
          expectServiceAnswer(res, request.method, { route: `${route.method} ${route.path}`, ...request, body: request.body?.subarray(0, 200).toString('latin1') });
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE },
      );
    }
  });

  it('leaves Object.prototype untouched after bodies and queries full of __proto__ and constructor', () => {
    expect(Object.getOwnPropertyNames(Object.prototype)).not.to.include('polluted');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('still registers, logs in and answers GET /users/me after all of it', async () => {
    const email = uniqueEmail('after-fuzz');
    const session = await registerAndLogin(t, email, TEST_PASSWORD);
    const me = await t.http().get('/users/me').set('Authorization', `Bearer ${session.access_token}`);
    expect(me.status).to.equal(200);
    expect(me.body.email).to.equal(email);
  });
});
