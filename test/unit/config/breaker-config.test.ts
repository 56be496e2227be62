import { expect } from 'chai';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import type { Env } from '../../../src/infrastructure/config/env-readers.js';
import { thrownBy } from '../support/thrown-by.js';

const SECRET = 's'.repeat(32);
const load = (env: Env) => loadConfig({ JWT_SECRET: SECRET, ...env });

function refusedVariable(env: Env): string {
  const error = thrownBy(() => load(env));
  expect(error).to.be.instanceOf(ConfigError);
  return (error as ConfigError).variable;
}

describe('loadConfig: breached passwords and the circuit breaker', () => {
  it('leaves the breach check off and fails open by default', () => {
    expect(load({}).breachedPasswords).to.deep.equal({ apiUrl: null, failOpen: true });
  });

  it('times out at 2 s, opens at half the calls failing after 5, and tries again after 30 s', () => {
    expect(load({}).breaker).to.deep.equal({ timeoutMs: 2_000, failureRate: 0.5, minCalls: 5, resetMs: 30_000 });
  });

  it('takes the range API URL without its trailing slash', () => {
    expect(load({ BREACHED_PASSWORD_API_URL: 'https://api.pwnedpasswords.com/' }).breachedPasswords.apiUrl).to.equal('https://api.pwnedpasswords.com');
  });

  it('takes every breaker setting', () => {
    const env = { BREAKER_TIMEOUT_MS: '200', BREAKER_FAILURE_RATE: '0.25', BREAKER_MIN_CALLS: '3', BREAKER_RESET_MS: '500' };
    expect(load(env).breaker).to.deep.equal({ timeoutMs: 200, failureRate: 0.25, minCalls: 3, resetMs: 500 });
  });

  it('fails closed when told to', () => {
    expect(load({ BREACHED_PASSWORD_FAIL_OPEN: 'false' }).breachedPasswords.failOpen).to.equal(false);
  });

  it('accepts a failure rate of 1: only calls that all fail open the circuit', () => {
    expect(load({ BREAKER_FAILURE_RATE: '1' }).breaker.failureRate).to.equal(1);
  });

  const refusals: [string, Env][] = [
    ['a range API URL that is not http or https', { BREACHED_PASSWORD_API_URL: 'ftp://example.com' }],
    ['a range API URL that does not parse', { BREACHED_PASSWORD_API_URL: 'not a url' }],
    ['a fail-open flag that is not a boolean', { BREACHED_PASSWORD_FAIL_OPEN: 'maybe' }],
    ['a timeout that is not a whole number', { BREAKER_TIMEOUT_MS: '2s' }],
    ['a timeout of 0', { BREAKER_TIMEOUT_MS: '0' }],
    ['a failure rate of 0', { BREAKER_FAILURE_RATE: '0' }],
    ['a failure rate above 1', { BREAKER_FAILURE_RATE: '1.5' }],
    ['a failure rate that is not a number', { BREAKER_FAILURE_RATE: 'half' }],
    ['a minimum of 0 calls', { BREAKER_MIN_CALLS: '0' }],
    ['a negative reset time', { BREAKER_RESET_MS: '-1' }],
  ];
  for (const [what, env] of refusals) {
    it(`refuses ${what}, naming the variable`, () => {
      expect(refusedVariable(env)).to.equal(Object.keys(env)[0]);
    });
  }
});
