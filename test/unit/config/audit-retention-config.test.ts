import { expect } from 'chai';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import type { Env } from '../../../src/infrastructure/config/env-readers.js';
import { thrownBy } from '../support/thrown-by.js';

const load = (env: Env) => loadConfig({ JWT_SECRET: 's'.repeat(32), ...env });
const DAY_MS = 86_400_000;

describe('loadConfig: AUDIT_RETENTION', () => {
  it('keeps audit events 90 days by default', () => {
    expect(load({}).auditRetentionMs).to.equal(90 * DAY_MS);
  });

  it('reads a duration as the other duration variables do', () => {
    expect([load({ AUDIT_RETENTION: '30d' }).auditRetentionMs, load({ AUDIT_RETENTION: '720h' }).auditRetentionMs]).to.deep.equal([30 * DAY_MS, 30 * DAY_MS]);
  });

  for (const value of ['90', '5x', '0d', '12h', '3651d']) {
    it(`refuses ${value} at start, naming the variable`, () => {
      const error = thrownBy(() => load({ AUDIT_RETENTION: value }));
      expect([error instanceof ConfigError, (error as ConfigError).variable]).to.deep.equal([true, 'AUDIT_RETENTION']);
    });
  }
});
