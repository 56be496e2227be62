import { expect } from 'chai';
import bcrypt from 'bcrypt';
import { BcryptPasswordHasher } from '../../../src/infrastructure/security/bcrypt-password-hasher.js';

// Cost 4, bcrypt's lowest: the rules, not the time, are what is looked at here.
describe('BcryptPasswordHasher', () => {
  it('makes a dummy hash at the configured cost, well formed, that needs no upgrade', () => {
    const hasher = BcryptPasswordHasher.create(5);
    expect(hasher.dummyHash).to.match(/^\$2b\$05\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.getRounds(hasher.dummyHash)).to.equal(5);
    expect(hasher.needsRehash(hasher.dummyHash)).to.equal(false);
  });

  it('makes a new dummy hash for each hasher: no two services share one', () => {
    expect(BcryptPasswordHasher.create(4).dummyHash).to.not.equal(BcryptPasswordHasher.create(4).dummyHash);
  });

  it('matches no password against the dummy hash, the empty one included', async () => {
    const hasher = BcryptPasswordHasher.create(4);
    for (const password of ['', 'correct horse battery staple', '\u0000']) expect(await hasher.verify(password, hasher.dummyHash)).to.equal(false);
  });

  it('verifies what it hashed, and nothing else', async () => {
    const hasher = BcryptPasswordHasher.create(4);
    const hash = await hasher.hash('correct horse battery staple');
    expect([await hasher.verify('correct horse battery staple', hash), await hasher.verify('correct horse battery stapler', hash)]).to.deep.equal([true, false]);
    expect(await hasher.verify('anything', 'not a bcrypt hash')).to.equal(false);
  });

  it('asks for an upgrade of a hash made at a lower cost', async () => {
    expect(BcryptPasswordHasher.create(5).needsRehash(await bcrypt.hash('x', 4))).to.equal(true);
  });
});
