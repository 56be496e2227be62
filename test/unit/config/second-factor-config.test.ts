import { expect } from 'chai';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import type { Env } from '../../../src/infrastructure/config/env-readers.js';
import { thrownBy } from '../support/thrown-by.js';

const load = (env: Env) => loadConfig({ JWT_SECRET: 's'.repeat(32), ...env });
const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const refusedVariable = (env: Env) => {
  const error = thrownBy(() => load(env));
  expect(error).to.be.instanceOf(ConfigError);
  return (error as ConfigError).variable;
};

describe('loadConfig: the second factor', () => {
  describe('DATA_ENCRYPTION_KEY', () => {
    it('takes 32 bytes in hex', () => {
      expect(Buffer.from(load({ DATA_ENCRYPTION_KEY: KEY.toString('hex') }).dataEncryption.key)).to.deep.equal(KEY);
    });

    it('takes 32 bytes in base64, and in base64url', () => {
      const keys = [KEY.toString('base64'), KEY.toString('base64url')].map((value) => Buffer.from(load({ DATA_ENCRYPTION_KEY: value }).dataEncryption.key));
      expect(keys).to.deep.equal([KEY, KEY]);
    });

    it('refuses a key of another length, or that is neither hex nor base64, naming the variable', () => {
      const refused = [KEY.subarray(0, 16).toString('hex'), KEY.subarray(0, 31).toString('base64'), 'not a key at all, just some words'].map((value) =>
        refusedVariable({ DATA_ENCRYPTION_KEY: value }),
      );
      expect(refused).to.deep.equal(['DATA_ENCRYPTION_KEY', 'DATA_ENCRYPTION_KEY', 'DATA_ENCRYPTION_KEY']);
    });

    it('makes a random 32-byte key outside production when none is set, and says so', () => {
      const [a, b] = [load({}).dataEncryption, load({}).dataEncryption];
      expect([a.key.length, a.keyWasGenerated, Buffer.from(a.key).equals(Buffer.from(b.key))]).to.deep.equal([32, true, false]);
      expect(load({ DATA_ENCRYPTION_KEY: KEY.toString('hex') }).dataEncryption.keyWasGenerated).to.equal(false);
    });

    it('refuses to start in production without one', () => {
      expect(refusedVariable({ NODE_ENV: 'production' })).to.equal('DATA_ENCRYPTION_KEY');
    });
  });

  it('shows the token issuer (JWT_ISSUER) in authenticator apps unless MFA_ISSUER is set', () => {
    expect([load({ JWT_ISSUER: 'Example' }).mfa.issuer, load({ JWT_ISSUER: 'Example', MFA_ISSUER: 'Example Login' }).mfa.issuer]).to.deep.equal(['Example', 'Example Login']);
  });

  it('allows 5 wrong codes per account by default (MFA_MAX_FAILURES), at least 1', () => {
    expect([load({}).mfa.maxFailures, load({ MFA_MAX_FAILURES: '3' }).mfa.maxFailures]).to.deep.equal([5, 3]);
    expect(refusedVariable({ MFA_MAX_FAILURES: '0' })).to.equal('MFA_MAX_FAILURES');
  });
});
