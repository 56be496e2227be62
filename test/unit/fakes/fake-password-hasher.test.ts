import { expect } from 'chai';
import { FakePasswordHasher, fakeHash } from './fake-password-hasher.js';

describe('FakePasswordHasher', () => {
  const hasher = new FakePasswordHasher(12);

  it('verifies the password it hashed', async () => {
    expect(await hasher.verify('secret password', await hasher.hash('secret password'))).to.equal(true);
  });

  it('reads only the first 72 bytes, as bcrypt does', async () => {
    expect(await hasher.verify(`${'x'.repeat(72)}tail`, fakeHash('x'.repeat(72)))).to.equal(true);
  });

  it('matches no password against its dummy hash', async () => {
    expect(await hasher.verify('', hasher.dummyHash)).to.equal(false);
  });

  it('answers false, not an error, for a malformed hash', async () => {
    expect(await hasher.verify('secret password', 'not a hash')).to.equal(false);
  });

  it('asks for a re-hash of a hash made at a lower cost only', () => {
    expect([hasher.needsRehash(fakeHash('p', 10)), hasher.needsRehash(fakeHash('p', 12))]).to.deep.equal([true, false]);
  });
});
