import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { attemptLogin, registerFrom, statusCounts } from '../support/client-address.js';
import { expectProblem } from '../support/problems.js';
import { expectTooMany, WRONG_PASSWORD } from '../support/throttle-answers.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

describe(`login throttling, LOGIN_MAX_FAILURES=3 (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ LOGIN_MAX_FAILURES: '3' });
  });
  after(async () => {
    await t?.stop();
  });

  it('answers 3 wrong passwords with 401, then 429 with Retry-After even for the right password', async () => {
    const email = await registerFrom(t, null);
    for (let i = 0; i < 3; i++) expectProblem(await attemptLogin(t, email, WRONG_PASSWORD), 401);
    expectTooMany(await attemptLogin(t, email, TEST_PASSWORD));
  });

  it('keeps refusing a throttled account with 429 while other accounts log in', async () => {
    const email = await registerFrom(t, null);
    for (let i = 0; i < 4; i++) await attemptLogin(t, email, WRONG_PASSWORD);
    expectTooMany(await attemptLogin(t, email, WRONG_PASSWORD));
    const other = await registerFrom(t, null);
    expect((await attemptLogin(t, other, TEST_PASSWORD)).status).to.equal(200);
  });

  it('starts the count over after a success: 2 failures, a success, 2 failures still answer 401', async () => {
    const email = await registerFrom(t, null);
    for (let i = 0; i < 2; i++) expectProblem(await attemptLogin(t, email, WRONG_PASSWORD), 401);
    expect((await attemptLogin(t, email, TEST_PASSWORD)).status).to.equal(200);
    for (let i = 0; i < 2; i++) expectProblem(await attemptLogin(t, email, WRONG_PASSWORD), 401);
  });

  it('counts an unknown e-mail like a known one', async () => {
    const email = uniqueEmail('nobody');
    for (let i = 0; i < 3; i++) expectProblem(await attemptLogin(t, email, WRONG_PASSWORD), 401);
    expectTooMany(await attemptLogin(t, email, WRONG_PASSWORD));
  });

  it('counts 10 parallel wrong guesses atomically: exactly 3 answered 401 and 7 answered 429', async () => {
    const email = await registerFrom(t, null);
    const responses = await Promise.all(Array.from({ length: 10 }, () => attemptLogin(t, email, WRONG_PASSWORD)));
    expect(statusCounts(responses)).to.deep.equal({ 401: 3, 429: 7 });
    for (const res of responses.filter((r) => r.status === 429)) expectTooMany(res);
  });
});

describe(`login throttling per address, LOGIN_MAX_FAILURES_PER_ADDRESS=4 (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ LOGIN_MAX_FAILURES_PER_ADDRESS: '4' });
  });
  after(async () => {
    await t?.stop();
  });

  it('answers the 5th failed login from one address with 429, whatever the e-mail', async () => {
    for (let i = 0; i < 4; i++) expectProblem(await attemptLogin(t, uniqueEmail(), WRONG_PASSWORD), 401);
    expectTooMany(await attemptLogin(t, uniqueEmail(), WRONG_PASSWORD));
  });
});

describe(`registration throttling, REGISTER_MAX_PER_ADDRESS=2 (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ REGISTER_MAX_PER_ADDRESS: '2' });
  });
  after(async () => {
    await t?.stop();
  });

  it('answers the third registration from one address with 429 and stores no account', async () => {
    await registerFrom(t, null);
    await registerFrom(t, null);
    const email = uniqueEmail();
    expectTooMany(await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD }));
    expect(await t.query('SELECT id FROM users WHERE email_canonical = ?', [email])).to.have.length(0);
  });
});
