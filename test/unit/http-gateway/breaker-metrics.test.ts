import { expect } from 'chai';
import { Registry } from 'prom-client';
import { BreakerMetrics } from '../../../src/infrastructure/http-gateway/breaker-metrics.js';

describe('BreakerMetrics', () => {
  let registry: Registry;
  let metrics: BreakerMetrics;

  beforeEach(() => {
    registry = new Registry();
    metrics = new BreakerMetrics(registry);
  });

  const samples = async (name: string) =>
    (await registry.getSingleMetricAsString(name)).split('\n').filter((line) => !line.startsWith('#'));

  it('shows every state of a new upstream, 1 for closed', async () => {
    metrics.show('range-api', 'closed');
    expect(await samples('auth_breaker_state')).to.deep.equal([
      'auth_breaker_state{upstream="range-api",state="closed"} 1',
      'auth_breaker_state{upstream="range-api",state="open"} 0',
      'auth_breaker_state{upstream="range-api",state="half-open"} 0',
    ]);
  });

  it('moves the gauge to the new state on a transition', async () => {
    metrics.show('range-api', 'closed');
    metrics.record({ upstream: 'range-api', from: 'closed', to: 'open', calls: 5, failures: 5 });
    expect(await samples('auth_breaker_state')).to.include('auth_breaker_state{upstream="range-api",state="open"} 1').and.include('auth_breaker_state{upstream="range-api",state="closed"} 0');
  });

  it('counts transitions by upstream, from and to', async () => {
    metrics.record({ upstream: 'range-api', from: 'closed', to: 'open', calls: 5, failures: 5 });
    metrics.record({ upstream: 'range-api', from: 'open', to: 'half-open', calls: 0, failures: 0 });
    metrics.record({ upstream: 'range-api', from: 'half-open', to: 'open', calls: 1, failures: 1 });
    metrics.record({ upstream: 'range-api', from: 'open', to: 'half-open', calls: 0, failures: 0 });
    expect(await samples('auth_breaker_transitions_total')).to.deep.equal([
      'auth_breaker_transitions_total{upstream="range-api",from="closed",to="open"} 1',
      'auth_breaker_transitions_total{upstream="range-api",from="open",to="half-open"} 2',
      'auth_breaker_transitions_total{upstream="range-api",from="half-open",to="open"} 1',
    ]);
  });
});
