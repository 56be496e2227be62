import { expect } from 'chai';
import sinon from 'sinon';
import { createLogger } from '../../../src/infrastructure/logging/create-logger.js';
import type { CheckResult, ReadinessCheck } from '../../../src/infrastructure/observability/readiness-check.js';
import { Readiness } from '../../../src/infrastructure/observability/readiness.js';
import { LogCapture } from '../../integration/support/log-capture.js';

const TIMEOUT_MS = 1_000;

/** A check whose answer the test sets; `hang` makes it never answer. */
class ScriptedCheck implements ReadinessCheck {
  answer: CheckResult | Error | 'hang' = { status: 'ok' };
  constructor(
    readonly name: string,
    readonly critical = true,
  ) {}

  async check(): Promise<CheckResult> {
    if (this.answer === 'hang') return new Promise<never>(() => undefined);
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

describe('Readiness', () => {
  let logs: LogCapture;
  let readiness: Readiness;
  let database: ScriptedCheck;
  let breakers: ScriptedCheck;

  beforeEach(() => {
    logs = new LogCapture();
    readiness = new Readiness({ timeoutMs: TIMEOUT_MS, logger: createLogger({ level: 'info', stream: logs.stream }) });
    database = new ScriptedCheck('database');
    breakers = new ScriptedCheck('breakers', false);
    readiness.register(database);
    readiness.register(breakers);
  });
  afterEach(() => sinon.restore());

  it('is ready, status ok, with every check under its name, when all pass', async () => {
    database.answer = { status: 'ok', latencyMs: 1 };
    expect(await readiness.report()).to.deep.equal({
      ready: true,
      status: 'ok',
      checks: { database: { status: 'ok', latencyMs: 1 }, breakers: { status: 'ok' } },
    });
  });

  it('is not ready when a critical check is down, and names that check', async () => {
    database.answer = { status: 'down' };
    const report = await readiness.report();
    expect(report).to.include({ ready: false, status: 'down' });
    expect(report.checks.database).to.deep.equal({ status: 'down' });
  });

  it('stays ready when a non-critical check is down, reporting it', async () => {
    breakers.answer = { status: 'down', open: ['range-api'] };
    const report = await readiness.report();
    expect(report).to.include({ ready: true, status: 'ok' });
    expect(report.checks.breakers).to.deep.equal({ status: 'down', open: ['range-api'] });
  });

  it('stays ready when a critical check is only degraded', async () => {
    database.answer = { status: 'degraded' };
    expect(await readiness.report()).to.include({ ready: true });
  });

  it('reports a check that throws as down with reason "error", keeping the message out of the answer', async () => {
    database.answer = new Error('connect ECONNREFUSED 10.0.0.5:3306');
    const report = await readiness.report();
    expect(report.ready).to.equal(false);
    expect(report.checks.database).to.deep.equal({ status: 'down', reason: 'error' });
  });

  it('reports a check that never answers as down with reason "timeout" once the timeout passes', async () => {
    const clock = sinon.useFakeTimers();
    database.answer = 'hang';
    const reported = readiness.report();
    await clock.tickAsync(TIMEOUT_MS);
    const report = await reported;
    expect(report.ready).to.equal(false);
    expect(report.checks.database).to.deep.equal({ status: 'down', reason: 'timeout', timeoutMs: TIMEOUT_MS });
  });

  it('logs a check once when it starts failing, with the error, and once when it recovers', async () => {
    database.answer = new Error('connect ECONNREFUSED');
    await readiness.report();
    await readiness.report();
    database.answer = { status: 'ok' };
    await readiness.report();
    const lines = logs.entries.filter((entry) => entry.check === 'database');
    expect(lines.map((entry) => entry.msg)).to.deep.equal(['readiness check failing', 'readiness check recovered']);
    expect(lines[0]).to.include({ level: 40, status: 'down', reason: 'error' });
    expect((lines[0]!.err as { message: string }).message).to.equal('connect ECONNREFUSED');
  });

  it('refuses a second check of the same name', () => {
    expect(() => readiness.register(new ScriptedCheck('database'))).to.throw('registered twice');
  });
});
