import { expect } from 'chai';
import { Gauge } from 'prom-client';
import { Metrics } from '../../../src/infrastructure/observability/metrics.js';

/** The sample lines (no # HELP / # TYPE) of one metric family in an exposition. */
const samples = (text: string, name: string): string[] => text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

describe('Metrics', () => {
  let metrics: Metrics;
  beforeEach(() => {
    metrics = new Metrics();
  });
  afterEach(() => metrics.close());

  it('shows every login outcome at 0 before the first login', async () => {
    expect(samples(await metrics.exposition(), 'auth_logins_total')).to.deep.equal([
      'auth_logins_total{outcome="success"} 0',
      'auth_logins_total{outcome="invalid_credentials"} 0',
      'auth_logins_total{outcome="throttled"} 0',
    ]);
  });

  it('counts registrations and logins by outcome', async () => {
    metrics.countRegistration();
    metrics.countLogin('throttled');
    metrics.countLogin('throttled');
    const text = await metrics.exposition();
    expect(samples(text, 'auth_registrations_total')).to.deep.equal(['auth_registrations_total 1']);
    expect(samples(text, 'auth_logins_total')).to.include('auth_logins_total{outcome="throttled"} 2');
  });

  it('observes a request under its method, route template and status', async () => {
    metrics.observeRequest({ method: 'GET', route: '/users/me/sessions/:id', status: 404, durationSeconds: 0.003 });
    expect(samples(await metrics.exposition(), 'http_request_duration_seconds_count')).to.deep.equal([
      'http_request_duration_seconds_count{method="GET",route="/users/me/sessions/:id",status="404"} 1',
    ]);
  });

  it('shows the process and Node.js metrics with its own', async () => {
    const text = await metrics.exposition();
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds']) {
      expect(text).to.include(`# TYPE ${name} `);
    }
  });

  it('keeps the counts of two services in one process apart', async () => {
    const other = new Metrics();
    try {
      other.countRegistration();
      expect(samples(await metrics.exposition(), 'auth_registrations_total')).to.deep.equal(['auth_registrations_total 0']);
      expect(samples(await other.exposition(), 'auth_registrations_total')).to.deep.equal(['auth_registrations_total 1']);
    } finally {
      other.close();
    }
  });

  it('shows what another adapter registers on its registry', async () => {
    new Gauge({ name: 'auth_breaker_state', help: 'test', registers: [metrics.registry] }).set(1);
    expect(samples(await metrics.exposition(), 'auth_breaker_state')).to.deep.equal(['auth_breaker_state 1']);
  });
});
