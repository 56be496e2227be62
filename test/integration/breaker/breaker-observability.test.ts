import { expect } from 'chai';
import { scrape, valueOf } from '../support/metrics-scrape.js';
import { databaseKind } from '../support/test-database.js';
import { startBreachScenario, type BreachScenario } from './breach-scenario.js';

const UPSTREAM = { upstream: 'breached-password-api' };

describe(`the breached-password circuit on /metrics and /health/ready (${databaseKind()})`, () => {
  let s: BreachScenario;
  beforeEach(async () => {
    s = await startBreachScenario();
  });
  afterEach(async () => {
    await s?.stop();
  });

  it('shows the circuit closed on /metrics from the start', async () => {
    const text = await scrape(s.t);
    expect([
      valueOf(text, 'auth_breaker_state', { ...UPSTREAM, state: 'closed' }),
      valueOf(text, 'auth_breaker_state', { ...UPSTREAM, state: 'open' }),
    ]).to.deep.equal([1, 0]);
  });

  it('shows the circuit open on /metrics, and counts the opening once', async () => {
    await s.openTheCircuit();
    const text = await scrape(s.t);
    expect([
      valueOf(text, 'auth_breaker_state', { ...UPSTREAM, state: 'open' }),
      valueOf(text, 'auth_breaker_transitions_total', { ...UPSTREAM, from: 'closed', to: 'open' }),
    ]).to.deep.equal([1, 1]);
  });

  it('reports the circuit closed as ok on /health/ready', async () => {
    const res = await s.t.http().get('/health/ready');
    expect(res.body.checks.breakers).to.deep.equal({ status: 'ok', upstreams: { 'breached-password-api': 'closed' } });
  });

  it('reports an open circuit as degraded on /health/ready, and stays ready', async () => {
    await s.openTheCircuit();
    const res = await s.t.http().get('/health/ready');
    expect([res.status, res.body.status, res.body.checks.breakers]).to.deep.equal([200, 'ok', { status: 'degraded', upstreams: { 'breached-password-api': 'open' } }]);
  });
});
