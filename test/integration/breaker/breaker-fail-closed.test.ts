import { expect } from 'chai';
import { expectProblem } from '../support/problems.js';
import { databaseKind } from '../support/test-database.js';
import { FRESH_PASSWORD, startBreachScenario, type BreachScenario } from './breach-scenario.js';

describe(`the breached-password check failing closed (${databaseKind()})`, () => {
  let s: BreachScenario;
  beforeEach(async () => {
    s = await startBreachScenario({ BREACHED_PASSWORD_FAIL_OPEN: 'false' });
  });
  afterEach(async () => {
    await s?.stop();
  });

  const expectUnavailable = (res: Awaited<ReturnType<BreachScenario['register']>>) => {
    expectProblem(res, 503);
    expect(Number(res.headers['retry-after'])).to.be.at.least(1);
  };

  it('answers 503 with Retry-After while the range API answers 5xx', async () => {
    s.standIn.mode = 'failing';
    expectUnavailable(await s.register(FRESH_PASSWORD));
  });

  it('answers 503 with Retry-After while the range API is slower than the timeout', async () => {
    s.standIn.mode = 'slow';
    expectUnavailable(await s.register(FRESH_PASSWORD));
  });

  it('answers 503 while the range API refuses connections', async () => {
    await s.standIn.refuse();
    expectUnavailable(await s.register(FRESH_PASSWORD));
  });

  it('answers 503 without calling the range API while the circuit is open', async () => {
    await s.openTheCircuit();
    const before = s.standIn.requests.length;
    expectUnavailable(await s.register(FRESH_PASSWORD));
    expect(s.standIn.requests.length - before).to.equal(0);
  });

  it('creates no account when it answers 503', async () => {
    s.standIn.mode = 'failing';
    const res = await s.register(FRESH_PASSWORD);
    expect(res.status).to.equal(503);
    expect(await s.t.query('SELECT id FROM users')).to.deep.equal([]);
  });
});
