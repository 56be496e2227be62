import { expect } from 'chai';
import { loadConfig, PRIMARY_JWT_SECRET_VARIABLE } from '../../../src/infrastructure/config/config.js';

// What src/cluster.ts hands every worker when JWT_SECRET is unset: 32 random bytes, as hex.
const FROM_PRIMARY = 'ab'.repeat(32);

describe('loadConfig: the secret the cluster primary made', () => {
  it('signs with the primary\'s secret when JWT_SECRET is unset, still counted as generated (each worker warns that tokens will not survive a restart)', () => {
    const { jwt } = loadConfig({ [PRIMARY_JWT_SECRET_VARIABLE]: FROM_PRIMARY });
    expect([Buffer.from(jwt.secret!).toString('hex'), jwt.secretWasGenerated]).to.deep.equal([FROM_PRIMARY, true]);
  });
});
