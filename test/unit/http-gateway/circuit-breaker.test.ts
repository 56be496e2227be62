import { expect } from 'chai';
import sinon from 'sinon';
import { CircuitBreaker, type BreakerSettings, type BreakerTransition } from '../../../src/infrastructure/http-gateway/circuit-breaker.js';
import { UpstreamUnavailable } from '../../../src/infrastructure/http-gateway/upstream-unavailable.js';
import { rejectionOf } from '../support/rejection-of.js';

// Four calls before judging, so that exactly half (2 of 4) sits at the rate.
const SETTINGS: BreakerSettings = { timeoutMs: 1_000, failureRate: 0.5, minCalls: 4, resetMs: 30_000 };

describe('CircuitBreaker', () => {
  let clock: sinon.SinonFakeTimers;
  let breaker: CircuitBreaker;
  let transitions: BreakerTransition[];
  let calls: number;

  // Promise callbacks (brakes uses bluebird) still run on the real event loop.
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    transitions = [];
    calls = 0;
    breaker = new CircuitBreaker({ upstream: 'range-api', settings: SETTINGS, onTransition: (t) => transitions.push(t) });
  });

  afterEach(() => {
    breaker.destroy();
    clock.restore();
  });

  const succeed = () =>
    breaker.execute(async () => {
      calls += 1;
      return 'ok';
    });
  const fail = () =>
    rejectionOf(
      breaker.execute(async () => {
        calls += 1;
        throw new Error('upstream answered 503');
      }),
    );
  async function openTheCircuit(): Promise<void> {
    for (let i = 0; i < SETTINGS.minCalls; i += 1) await fail();
    expect(breaker.state).to.equal('open');
    calls = 0;
  }
  const reason = (error: unknown) => (error as UpstreamUnavailable).reason;

  it('stays closed through failures fewer than the minimum number of calls', async () => {
    for (let i = 0; i < SETTINGS.minCalls - 1; i += 1) await fail();
    expect(breaker.state).to.equal('closed');
    expect(await succeed()).to.equal('ok');
  });

  it('opens when the failure rate reaches the threshold at the minimum number of calls', async () => {
    await succeed();
    await succeed();
    await fail();
    await fail();
    expect(breaker.state).to.equal('open');
  });

  it('stays closed while the failure rate is below the threshold', async () => {
    await succeed();
    await succeed();
    await succeed();
    await fail();
    expect(breaker.state).to.equal('closed');
  });

  it('fails fast while open, without running the call', async () => {
    await openTheCircuit();
    const error = await rejectionOf(succeed());
    expect([error instanceof UpstreamUnavailable, reason(error), calls]).to.deep.equal([true, 'circuit-open', 0]);
  });

  it('tells how long the circuit stays open', async () => {
    await openTheCircuit();
    clock.tick(10_000);
    expect(((await rejectionOf(succeed())) as UpstreamUnavailable).retryAfterMs).to.equal(20_000);
  });

  it('keeps failing fast until the reset time has passed', async () => {
    await openTheCircuit();
    clock.tick(SETTINGS.resetMs - 1);
    expect(reason(await rejectionOf(succeed()))).to.equal('circuit-open');
    expect(breaker.state).to.equal('open');
  });

  it('lets exactly one trial through after the reset time, failing the concurrent callers fast', async () => {
    await openTheCircuit();
    clock.tick(SETTINGS.resetMs);
    let finishTrial!: () => void;
    const trial = breaker.execute(() => {
      calls += 1;
      return new Promise<void>((resolve) => {
        finishTrial = resolve;
      });
    });
    const concurrent = await Promise.all([rejectionOf(succeed()), rejectionOf(succeed())]);
    finishTrial();
    await trial;
    expect([calls, ...concurrent.map(reason)]).to.deep.equal([1, 'circuit-open', 'circuit-open']);
  });

  it('closes when the trial succeeds', async () => {
    await openTheCircuit();
    clock.tick(SETTINGS.resetMs);
    await succeed();
    expect(breaker.state).to.equal('closed');
    expect(await succeed()).to.equal('ok');
  });

  it('re-opens for another reset period when the trial fails', async () => {
    await openTheCircuit();
    clock.tick(SETTINGS.resetMs);
    await fail();
    clock.tick(SETTINGS.resetMs - 1);
    expect([breaker.state, reason(await rejectionOf(succeed()))]).to.deep.equal(['open', 'circuit-open']);
    clock.tick(1);
    expect(breaker.state).to.equal('half-open');
  });

  it('counts a call slower than the timeout as a failure and aborts it', async () => {
    let signal!: AbortSignal;
    const slow = rejectionOf(breaker.execute((s) => new Promise(() => (signal = s))));
    await clock.tickAsync(SETTINGS.timeoutMs);
    expect([reason(await slow), signal.aborted]).to.deep.equal(['timeout', true]);
  });

  it('opens on timeouts as on failures', async () => {
    for (let i = 0; i < SETTINGS.minCalls; i += 1) {
      const slow = rejectionOf(breaker.execute(() => new Promise(() => undefined)));
      await clock.tickAsync(SETTINGS.timeoutMs);
      await slow;
    }
    expect(breaker.state).to.equal('open');
  });

  it('reports each transition once, with the window figures', async () => {
    await openTheCircuit();
    await rejectionOf(succeed());
    clock.tick(SETTINGS.resetMs);
    await succeed();
    await succeed();
    expect(transitions).to.deep.equal([
      { upstream: 'range-api', from: 'closed', to: 'open', calls: 4, failures: 4 },
      { upstream: 'range-api', from: 'open', to: 'half-open', calls: 0, failures: 0 },
      { upstream: 'range-api', from: 'half-open', to: 'closed', calls: 1, failures: 0 },
    ]);
  });

  it('leaves no timer running once destroyed', async () => {
    await succeed();
    breaker.destroy();
    expect(clock.countTimers()).to.equal(0);
  });
});
