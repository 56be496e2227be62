import { expect } from 'chai';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import type { Env } from '../../../src/infrastructure/config/env-readers.js';
import { thrownBy } from '../support/thrown-by.js';

const load = (env: Env) => loadConfig({ JWT_SECRET: 's'.repeat(32), ...env });

describe('loadConfig: METRICS_TOKEN', () => {
  it('leaves /metrics open by default', () => {
    expect(load({}).metricsToken).to.equal(null);
  });

  it('takes a token of 16 characters or more', () => {
    expect(load({ METRICS_TOKEN: 'scrape-0123456789' }).metricsToken).to.equal('scrape-0123456789');
  });

  it('refuses a token under 16 characters, naming the variable', () => {
    const error = thrownBy(() => load({ METRICS_TOKEN: 'short-token' }));
    expect(error).to.be.instanceOf(ConfigError);
    expect((error as ConfigError).variable).to.equal('METRICS_TOKEN');
  });
});
