import { expect } from 'chai';
import { InvalidSecondFactor, MfaRequired } from '../../../src/domain/errors.js';
import { fakeHash } from '../fakes/fake-password-hasher.js';
import { codeAt } from '../fakes/fake-totp-calculator.js';
import { rejectionOf } from '../support/rejection-of.js';
import { NEW_PASSWORD, NOW, OLD_PASSWORD, recoveryFixture, tokenIssued, type RecoveryFixture } from '../recovery/recovery-fixture.js';

// ASVS 6.4.3: a reset must not bypass the second factor.
describe('ResetPassword of an account with TOTP', () => {
  let f: RecoveryFixture;
  const storedHash = async () => (await f.users.findById('user-1'))?.passwordHash;

  beforeEach(async () => {
    f = await recoveryFixture();
    await tokenIssued(f, 'reset-1');
    f.factors.activate('user-1', 'SECRET4', ['RC040001']);
  });

  it('refuses a confirm without `code` with MfaRequired (methods, no mfaToken), and leaves the link usable', async () => {
    const error = await rejectionOf(f.resetPassword.execute({ token: 'reset-1', newPassword: NEW_PASSWORD }));
    expect(error).to.be.instanceOf(MfaRequired);
    expect([(error as MfaRequired).methods, (error as MfaRequired).mfaToken]).to.deep.equal([['totp', 'recovery_code'], null]);
    expect([await storedHash(), await f.tokens.findValid('reset-1', 'password_reset', NOW)]).to.deep.equal([fakeHash(OLD_PASSWORD), 'user-1']);
  });

  it('sets the password with the link and a TOTP code', async () => {
    await f.resetPassword.execute({ token: 'reset-1', newPassword: NEW_PASSWORD, code: codeAt('SECRET4', NOW) });
    expect(await storedHash()).to.equal(fakeHash(NEW_PASSWORD));
  });

  it('sets the password with the link and a recovery code, logged as a security event', async () => {
    await f.resetPassword.execute({ token: 'reset-1', newPassword: NEW_PASSWORD, code: 'rc04-0001' });
    expect([await storedHash(), f.events.usedRecoveryCodes.map((e) => e.userId)]).to.deep.equal([fakeHash(NEW_PASSWORD), ['user-1']]);
  });

  it('refuses a wrong code with InvalidSecondFactor, leaving the link usable', async () => {
    expect(await rejectionOf(f.resetPassword.execute({ token: 'reset-1', newPassword: NEW_PASSWORD, code: '999999' }))).to.be.instanceOf(InvalidSecondFactor);
    expect(await f.tokens.findValid('reset-1', 'password_reset', NOW)).to.equal('user-1');
  });

  it('needs no code for an account without TOTP', async () => {
    await tokenIssued(f, 'reset-bob', { userId: 'user-2' });
    await f.resetPassword.execute({ token: 'reset-bob', newPassword: NEW_PASSWORD });
    expect((await f.users.findById('user-2'))?.passwordHash).to.equal(fakeHash(NEW_PASSWORD));
  });
});
