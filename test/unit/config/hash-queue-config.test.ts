import { expect } from 'chai';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import type { Env } from '../../../src/infrastructure/config/env-readers.js';
import { thrownBy } from '../support/thrown-by.js';

const load = (env: Env) => loadConfig({ JWT_SECRET: 's'.repeat(32), ...env });

function refusedVariable(env: Env): string {
  const error = thrownBy(() => load(env));
  expect(error).to.be.instanceOf(ConfigError);
  return (error as ConfigError).variable;
}

describe('loadConfig: the password-hash queue', () => {
  it('hashes 4 at once (libuv\'s default pool) with 64 waiting by default', () => {
    expect(load({}).hashQueue).to.deep.equal({ concurrency: 4, perAddress: 3, maxWaiting: 64 });
  });

  it('hashes as many at once as UV_THREADPOOL_SIZE gives threads', () => {
    expect(load({ UV_THREADPOOL_SIZE: '8' }).hashQueue.concurrency).to.equal(8);
  });

  it('takes HASH_CONCURRENCY and HASH_QUEUE_MAX, 0 waiting included', () => {
    expect(load({ UV_THREADPOOL_SIZE: '8', HASH_CONCURRENCY: '2', HASH_QUEUE_MAX: '0' }).hashQueue).to.deep.equal({ concurrency: 2, perAddress: 1, maxWaiting: 0 });
  });

  it('keeps one place for the other addresses: one address hashes at most HASH_CONCURRENCY - 1 at once', () => {
    expect(load({ UV_THREADPOOL_SIZE: '8' }).hashQueue.perAddress).to.equal(7);
  });

  it('lets one address hash alone when there is one place', () => {
    expect(load({ HASH_CONCURRENCY: '1' }).hashQueue.perAddress).to.equal(1);
  });

  it('takes HASH_CONCURRENCY_PER_ADDRESS up to HASH_CONCURRENCY', () => {
    expect(load({ HASH_CONCURRENCY: '6', HASH_CONCURRENCY_PER_ADDRESS: '6' }).hashQueue.perAddress).to.equal(6);
    expect(load({ HASH_CONCURRENCY: '6', HASH_CONCURRENCY_PER_ADDRESS: '2' }).hashQueue.perAddress).to.equal(2);
  });

  for (const [name, value] of [['HASH_CONCURRENCY', '0'], ['HASH_CONCURRENCY', '1025'], ['HASH_QUEUE_MAX', '-1'], ['HASH_QUEUE_MAX', '100001'], ['HASH_QUEUE_MAX', 'many'], ['HASH_CONCURRENCY_PER_ADDRESS', '0'], ['HASH_CONCURRENCY_PER_ADDRESS', '5']] as const) {
    it(`refuses ${name}=${value}`, () => {
      expect(refusedVariable({ [name]: value })).to.equal(name);
    });
  }
});
