import { expect } from 'chai';
import { Lifecycle } from '../../../src/infrastructure/observability/lifecycle.js';

describe('Lifecycle', () => {
  it('passes its readiness check until draining begins', async () => {
    const lifecycle = new Lifecycle();
    expect(await lifecycle.readinessCheck().check()).to.deep.equal({ status: 'ok' });
  });

  it('fails its critical readiness check with reason "draining" once draining begins', async () => {
    const lifecycle = new Lifecycle();
    lifecycle.beginDraining();
    const check = lifecycle.readinessCheck();
    expect(check.critical).to.equal(true);
    expect(await check.check()).to.deep.equal({ status: 'down', reason: 'draining' });
  });
});
