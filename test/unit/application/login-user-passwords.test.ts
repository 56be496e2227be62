import { expect } from 'chai';
import type { LoginUserInput } from '../../../src/application/use-cases/login-user.js';
import { HashingBusy, InvalidCredentials } from '../../../src/domain/errors.js';
import { CURRENT_COST, fakeHash } from '../fakes/fake-password-hasher.js';
import { PASSWORD, loginFixture } from '../support/login-fixture.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';

const input: LoginUserInput = { email: 'ann@example.com', password: PASSWORD, userAgent: null, ip: null };
const BYTES_72 = 'x'.repeat(72);

describe('LoginUser: password forms and hashes', () => {
  it('refuses a password over 72 bytes whose first 72 bytes are the stored password', async () => {
    const f = await loginFixture({ password: BYTES_72 });
    const error = await rejectionOf(f.loginUser.execute({ ...input, password: `${BYTES_72}y` }));
    expect(error).to.be.instanceOf(InvalidCredentials);
    expect(error).to.have.property('code', 'invalid_credentials');
  });

  it('never hands the hasher a password over 72 bytes', async () => {
    const f = await loginFixture({ password: BYTES_72 });
    await rejectionOf(f.loginUser.execute({ ...input, password: `${BYTES_72}y` }));
    expect(f.hasher.verifyCalls).to.have.lengthOf(1);
    expect(f.hasher.passwordsSeen().every((p) => new TextEncoder().encode(p).length <= 72)).to.equal(true);
  });

  it('accepts a password of exactly 72 bytes', async () => {
    const f = await loginFixture({ password: BYTES_72 });
    expect((await f.loginUser.execute({ ...input, password: BYTES_72 })).userId).to.equal('user-1');
  });

  it('accepts the full-width form of the password (NFKC)', async () => {
    const f = await loginFixture({ password: 'correct horse battery' });
    const output = await f.loginUser.execute({ ...input, password: 'ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ' });
    expect(output.userId).to.equal('user-1');
  });

  it('accepts the password typed with a decomposed accent (NFKC)', async () => {
    const f = await loginFixture({ password: 'caf\u00e9 au lait, sans sucre' });
    const output = await f.loginUser.execute({ ...input, password: 'cafe\u0301 au lait, sans sucre' });
    expect(output.userId).to.equal('user-1');
  });

  it('re-hashes a password stored at a lower cost and saves the new hash', async () => {
    const f = await loginFixture({ storedCost: CURRENT_COST - 2 });
    await f.loginUser.execute(input);
    expect(only(f.users.all()).passwordHash).to.equal(fakeHash(PASSWORD, CURRENT_COST));
  });

  it('re-hashes the NFKC form of the password typed', async () => {
    const f = await loginFixture({ password: 'correct horse battery', storedCost: CURRENT_COST - 2 });
    await f.loginUser.execute({ ...input, password: 'ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ' });
    expect(f.hasher.hashed).to.deep.equal(['correct horse battery']);
  });

  it('keeps passwordChangedAt when it re-hashes, so that other sessions live on', async () => {
    const f = await loginFixture({ storedCost: CURRENT_COST - 2 });
    await f.loginUser.execute(input);
    expect(only(f.users.all()).passwordChangedAt.getTime()).to.equal(f.user.passwordChangedAt.getTime());
  });

  it('leaves a hash made at the current cost alone', async () => {
    const f = await loginFixture();
    await f.loginUser.execute(input);
    expect(f.hasher.hashed).to.deep.equal([]);
    expect(only(f.users.all()).passwordHash).to.equal(f.user.passwordHash);
  });

  it('does not re-hash on a wrong password', async () => {
    const f = await loginFixture({ storedCost: CURRENT_COST - 2 });
    await rejectionOf(f.loginUser.execute({ ...input, password: `${PASSWORD}!` }));
    expect(only(f.users.all()).passwordHash).to.equal(fakeHash(PASSWORD, CURRENT_COST - 2));
  });

  it('still logs in, keeping the weak hash for next time, when the upgrade finds the hashing queue full', async () => {
    const f = await loginFixture({ storedCost: CURRENT_COST - 2 });
    f.hasher.hash = () => Promise.reject(new HashingBusy());
    const output = await f.loginUser.execute(input);
    expect(output.userId).to.equal('user-1');
    expect((await f.users.findById('user-1'))?.passwordHash).to.equal(f.user.passwordHash);
  });

  it('gives the attempt back when the hashing queue is full (503), so that busy answers never lock the owner out', async () => {
    const f = await loginFixture({ attemptLimit: 2 });
    const verify = f.hasher.verify.bind(f.hasher);
    f.hasher.verify = () => Promise.reject(new HashingBusy());
    for (let i = 0; i < 3; i += 1) expect(await rejectionOf(f.loginUser.execute(input))).to.be.instanceOf(HashingBusy);
    f.hasher.verify = verify;
    expect((await f.loginUser.execute(input)).userId).to.equal('user-1');
  });
});
