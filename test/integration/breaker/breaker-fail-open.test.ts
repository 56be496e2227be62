import { expect } from 'chai';
import { fieldErrorsOf } from '../support/problems.js';
import { databaseKind } from '../support/test-database.js';
import { BREACHED_PASSWORD, BREAKER_ENV, FRESH_PASSWORD, sleep, startBreachScenario, until, UPPER_SHA1_OF_BREACHED, type BreachScenario } from './breach-scenario.js';

// A breached password accepted with 201 shows the check was skipped, not passed.
describe(`the breached-password check failing open (${databaseKind()})`, () => {
  let s: BreachScenario;
  beforeEach(async () => {
    s = await startBreachScenario();
  });
  afterEach(async () => {
    await s?.stop();
  });

  it('keeps registering while the range API answers 5xx', async () => {
    s.standIn.mode = 'failing';
    expect((await s.register(BREACHED_PASSWORD)).status).to.equal(201);
  });

  it('keeps registering while the range API is slower than the timeout', async () => {
    s.standIn.mode = 'slow';
    expect((await s.register(BREACHED_PASSWORD)).status).to.equal(201);
  });

  it('hangs up on a range API slower than the timeout instead of leaving the call open', async () => {
    s.standIn.mode = 'slow';
    await s.register(FRESH_PASSWORD);
    await until(() => s.standIn.abandoned === 1);
  });

  it('keeps registering while the range API refuses connections', async () => {
    await s.standIn.refuse();
    expect((await s.register(BREACHED_PASSWORD)).status).to.equal(201);
  });

  it('logs that the check was skipped, with neither the password nor its hash', async () => {
    s.standIn.mode = 'failing';
    await s.register(BREACHED_PASSWORD);
    const skipped = s.t.logs.entries.filter((e) => e.msg.startsWith('breached-password check skipped'));
    expect(skipped.map((e) => [e.level, e.upstream, e.reason])).to.deep.equal([[40, 'breached-password-api', 'status']]);
    expect(s.t.logs.text()).not.to.include(BREACHED_PASSWORD).and.not.to.include(UPPER_SHA1_OF_BREACHED.slice(5));
  });

  it('makes no call to the range API while the circuit is open, and keeps registering', async () => {
    await s.openTheCircuit();
    const before = s.standIn.requests.length;
    const answers = [await s.register(BREACHED_PASSWORD), await s.register(FRESH_PASSWORD)].map((r) => r.status);
    expect([answers, s.standIn.requests.length - before]).to.deep.equal([[201, 201], 0]);
  });

  it('closes the circuit again once the range API has recovered', async () => {
    await s.openTheCircuit();
    s.standIn.mode = 'healthy';
    await sleep(Number(BREAKER_ENV.BREAKER_RESET_MS) + 100);
    expect(fieldErrorsOf(await s.register(BREACHED_PASSWORD))).to.deep.equal(['/password breached']);
    expect(fieldErrorsOf(await s.register(BREACHED_PASSWORD))).to.deep.equal(['/password breached']);
  });

  it('recovers from refused connections once the port is open again', async () => {
    await s.standIn.refuse();
    await s.openTheCircuit();
    await s.standIn.listen();
    s.standIn.mode = 'healthy';
    await sleep(Number(BREAKER_ENV.BREAKER_RESET_MS) + 100);
    expect(fieldErrorsOf(await s.register(BREACHED_PASSWORD))).to.deep.equal(['/password breached']);
  });

  it('logs each state change once: opened, half-open, closed', async () => {
    await s.openTheCircuit();
    await s.register(FRESH_PASSWORD);
    s.standIn.mode = 'healthy';
    await sleep(Number(BREAKER_ENV.BREAKER_RESET_MS) + 100);
    await s.register(FRESH_PASSWORD);
    await s.register(FRESH_PASSWORD);
    const changes = s.t.logs.entries.filter((e) => e.msg === 'circuit breaker state changed');
    expect(changes.map((e) => `${e.upstream} ${e.from}->${e.to}`)).to.deep.equal([
      'breached-password-api closed->open',
      'breached-password-api open->half-open',
      'breached-password-api half-open->closed',
    ]);
  });

  it('opens again when the trial call fails, so the next registration makes no call', async () => {
    await s.openTheCircuit();
    await sleep(Number(BREAKER_ENV.BREAKER_RESET_MS) + 100);
    await s.register(FRESH_PASSWORD);
    const afterTrial = s.standIn.requests.length;
    await s.register(FRESH_PASSWORD);
    expect(s.standIn.requests.length - afterTrial).to.equal(0);
  });
});
