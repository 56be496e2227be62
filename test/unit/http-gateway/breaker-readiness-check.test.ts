import { expect } from 'chai';
import type { BreakerState } from '../../../src/infrastructure/http-gateway/circuit-breaker.js';
import { BreakerReadinessCheck } from '../../../src/infrastructure/http-gateway/breaker-readiness-check.js';

describe('BreakerReadinessCheck', () => {
  const checkOf = (states: Record<string, BreakerState>) => new BreakerReadinessCheck(() => states).check();

  it('is ok, listing each upstream, while every circuit is closed', async () => {
    expect(await checkOf({ 'breached-password-api': 'closed' })).to.deep.equal({ status: 'ok', upstreams: { 'breached-password-api': 'closed' } });
  });

  it('is degraded while a circuit is open', async () => {
    expect((await checkOf({ 'breached-password-api': 'open', smtp: 'closed' })).status).to.equal('degraded');
  });

  it('is degraded while a circuit is half-open', async () => {
    expect((await checkOf({ 'breached-password-api': 'half-open' })).status).to.equal('degraded');
  });

  it('never makes the service unready', () => {
    expect(new BreakerReadinessCheck(() => ({})).critical).to.equal(false);
  });
});
