import { expect } from 'chai';
import { Redis } from 'ioredis';
import { TEST_PASSWORD } from '../support/accounts.js';
import { attemptLogin, registerFrom, statusCounts, uniqueAddress } from '../support/client-address.js';
import { expectProblem } from '../support/problems.js';
import { DOWN_REDIS_URL, TEST_REDIS_URL } from '../support/redis-store.js';
import { databaseKind, onDatabaseServer } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { expectTooMany, WRONG_PASSWORD } from '../support/throttle-answers.js';

// Redis keeps counts across runs: every test here comes from its own address (TRUST_PROXY
// and X-Forwarded-For) and uses its own e-mails, and nothing in Redis is flushed.
const redisEnv = { REDIS_URL: TEST_REDIS_URL, TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '3' };

describe(`login throttling with REDIS_URL, two instances (${databaseKind()})`, () => {
  let first: TestService;
  let second: TestService;
  before(async () => {
    first = await startTestService(redisEnv);
    // Its own database: only Redis is shared, so only Redis can carry the count across.
    second = await startTestService(redisEnv);
  });
  after(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('counts failures made on either instance together: the 4th answers 429', async () => {
    const ip = uniqueAddress();
    const email = await registerFrom(first, ip);
    await registerFrom(second, ip, email);
    expectProblem(await attemptLogin(first, email, WRONG_PASSWORD, ip), 401);
    expectProblem(await attemptLogin(second, email, WRONG_PASSWORD, ip), 401);
    expectProblem(await attemptLogin(first, email, WRONG_PASSWORD, ip), 401);
    expectTooMany(await attemptLogin(second, email, TEST_PASSWORD, ip));
  });

  it('counts parallel guesses spread over both instances atomically: 3 answered 401, 7 answered 429', async () => {
    const ip = uniqueAddress();
    const email = await registerFrom(first, ip);
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => attemptLogin(i % 2 ? first : second, email, WRONG_PASSWORD, ip)));
    expect(statusCounts(responses)).to.deep.equal({ 401: 3, 429: 7 });
  });

  it('keeps no count in the database, and no Redis key names the e-mail', async () => {
    const ip = uniqueAddress();
    const email = await registerFrom(first, ip);
    await attemptLogin(first, email, WRONG_PASSWORD, ip);
    if (onDatabaseServer()) expect(await first.query('SELECT * FROM rate_limits')).to.deep.equal([]);
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const [, keys] = await redis.scan('0', 'MATCH', `*${email.split('@')[0]}*`, 'COUNT', 100000);
      expect(keys).to.deep.equal([]);
    } finally {
      redis.disconnect();
    }
  });
});

describe(`login throttling with REDIS_URL unreachable (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ REDIS_URL: DOWN_REDIS_URL, LOGIN_MAX_FAILURES: '2' });
  });
  after(async () => {
    await t?.stop();
  });

  it('still registers and logs in', async () => {
    const email = await registerFrom(t, null);
    expect((await attemptLogin(t, email, TEST_PASSWORD)).status).to.equal(200);
  });

  it('still counts failures, in process memory: the 3rd attempt answers 429', async () => {
    const email = await registerFrom(t, null);
    for (let i = 0; i < 2; i++) expectProblem(await attemptLogin(t, email, WRONG_PASSWORD), 401);
    expectTooMany(await attemptLogin(t, email, TEST_PASSWORD));
  });

  it('logs a warn line saying the rate-limit store failed', async () => {
    await attemptLogin(t, await registerFrom(t, null), WRONG_PASSWORD);
    const lines = t.logs.entries.filter((entry) => entry.msg.startsWith('rate-limit store failed'));
    expect(lines).to.have.length.greaterThan(0);
    expect(lines[0]!.level).to.equal(40);
  });
});
