import { expect } from 'chai';
import { Registry } from 'prom-client';
import sinon from 'sinon';
import { BreakerMetrics } from '../../../src/infrastructure/http-gateway/breaker-metrics.js';
import { HttpGateway } from '../../../src/infrastructure/http-gateway/http-gateway.js';
import { UpstreamUnavailable } from '../../../src/infrastructure/http-gateway/upstream-unavailable.js';
import { createLogger } from '../../../src/infrastructure/logging/create-logger.js';
import { LogCapture } from '../../integration/support/log-capture.js';
import { ScriptedHttpTransport } from '../fakes/scripted-http-transport.js';
import { rejectionOf } from '../support/rejection-of.js';

const SETTINGS = { timeoutMs: 1_000, failureRate: 0.5, minCalls: 2, resetMs: 30_000 };
const REQUEST = { url: 'http://127.0.0.1:9/range/ABCDE' };

describe('HttpGateway', () => {
  let transport: ScriptedHttpTransport;
  let logs: LogCapture;
  let gateway: HttpGateway;

  beforeEach(() => {
    transport = new ScriptedHttpTransport();
    logs = new LogCapture();
    gateway = new HttpGateway({ settings: SETTINGS, logger: createLogger({ level: 'info', stream: logs.stream }), transport });
  });

  afterEach(() => gateway.close());

  const reasonOf = async (upstream = 'range-api') => ((await rejectionOf(gateway.request(upstream, REQUEST))) as UpstreamUnavailable).reason;
  const transitionLines = () => logs.entries.filter((entry) => entry.msg === 'circuit breaker state changed');

  it('hands back an answer that is not a failure, 4xx included', async () => {
    transport.answer = 404;
    expect((await gateway.request('range-api', REQUEST)).status).to.equal(404);
  });

  it('counts a 5xx answer as the upstream failing', async () => {
    transport.answer = 503;
    expect(await reasonOf()).to.equal('status');
  });

  it('counts a 429 answer as the upstream failing', async () => {
    transport.answer = 429;
    expect(await reasonOf()).to.equal('status');
  });

  it('turns a refused connection into UpstreamUnavailable', async () => {
    transport.answer = 'refused';
    expect(await reasonOf()).to.equal('connection');
  });

  it('sends nothing once the circuit is open', async () => {
    transport.answer = 500;
    await reasonOf();
    await reasonOf();
    expect([await reasonOf(), transport.sent.length]).to.deep.equal(['circuit-open', 2]);
  });

  it('keeps one circuit per upstream', async () => {
    transport.answer = 500;
    await reasonOf('range-api');
    await reasonOf('range-api');
    transport.answer = 200;
    expect((await gateway.request('mail-api', REQUEST)).status).to.equal(200);
  });

  it('reports the state of every circuit', async () => {
    gateway.circuit('mail-api');
    transport.answer = 500;
    await reasonOf();
    await reasonOf();
    expect(gateway.states()).to.deep.equal({ 'mail-api': 'closed', 'range-api': 'open' });
  });

  it('logs the opening once, as a warning with the upstream and the failure figures', async () => {
    transport.answer = 500;
    for (let i = 0; i < 4; i += 1) await reasonOf();
    expect(transitionLines().map(({ level, upstream, from, to, calls, failures, failureRate }) => ({ level, upstream, from, to, calls, failures, failureRate }))).to.deep.equal([
      { level: 40, upstream: 'range-api', from: 'closed', to: 'open', calls: 2, failures: 2, failureRate: 1 },
    ]);
  });

  it('puts each circuit on the metrics from its creation and follows its transitions', async () => {
    const registry = new Registry();
    const metered = new HttpGateway({ settings: SETTINGS, logger: createLogger({ level: 'fatal', stream: logs.stream }), transport, metrics: new BreakerMetrics(registry) });
    metered.circuit('mail-api');
    transport.answer = 500;
    await rejectionOf(metered.request('range-api', REQUEST));
    await rejectionOf(metered.request('range-api', REQUEST));
    metered.close();
    const text = await registry.metrics();
    expect(text).to.include('auth_breaker_state{upstream="mail-api",state="closed"} 1');
    expect(text).to.include('auth_breaker_transitions_total{upstream="range-api",from="closed",to="open"} 1');
  });

  it('leaves no timer running once closed', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      const timed = new HttpGateway({ settings: SETTINGS, logger: createLogger({ level: 'fatal', stream: logs.stream }), transport });
      await timed.request('range-api', REQUEST);
      timed.close();
      expect(clock.countTimers()).to.equal(0);
    } finally {
      clock.restore();
    }
  });

  it('closes the transport when it is closed', () => {
    gateway.close();
    expect(transport.closed).to.equal(true);
  });
});
