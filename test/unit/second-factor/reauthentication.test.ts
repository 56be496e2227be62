import { expect } from 'chai';
import { InvalidCredentials, TooManyAttempts } from '../../../src/domain/errors.js';
import { fakeHash } from '../fakes/fake-password-hasher.js';
import { codeAt } from '../fakes/fake-totp-calculator.js';
import { rejectionOf } from '../support/rejection-of.js';
import { ACTIVE_RECOVERY_CODES, ACTIVE_SECRET, IP, NOW, PASSWORD, ann, secondFactorFixture, type SecondFactorFixture } from '../support/second-factor-fixture.js';

const NEW_PASSWORD = 'tr0ub4dor and three more words';

// The rule of API.md "Re-authentication", through its first user: PUT /users/me/password.
describe('Reauthentication (through ChangePassword)', () => {
  let f: SecondFactorFixture;
  const change = (code?: string, currentPassword = PASSWORD) => f.changePassword.execute({ principal: ann, currentPassword, newPassword: NEW_PASSWORD, code, ip: IP });
  const storedHash = async () => (await f.users.findById('user-1'))?.passwordHash;

  beforeEach(async () => {
    f = await secondFactorFixture({ secondFactorLimit: 2 });
  });

  it('needs only the password when the account has no TOTP', async () => {
    await change();
    expect(await storedHash()).to.equal(fakeHash(NEW_PASSWORD));
  });

  describe('with TOTP on', () => {
    beforeEach(() => f.activate());

    it('takes the password and a TOTP code', async () => {
      await change(codeAt(ACTIVE_SECRET, NOW));
      expect(await storedHash()).to.equal(fakeHash(NEW_PASSWORD));
    });

    it('takes the password and a recovery code in the `code` field', async () => {
      await change(ACTIVE_RECOVERY_CODES[2]);
      expect([await storedHash(), f.events.usedRecoveryCodes.length]).to.deep.equal([fakeHash(NEW_PASSWORD), 1]);
    });

    it('refuses a missing code with InvalidCredentials, leaving the attempt counted as a failed login', async () => {
      expect(await rejectionOf(change())).to.be.instanceOf(InvalidCredentials);
      expect([await storedHash(), f.throttle.callsOf('beforeLogin').length, f.throttle.callsOf('loginSucceeded').length]).to.deep.equal([fakeHash(PASSWORD), 1, 0]);
    });

    it('refuses a wrong code with InvalidCredentials (one answer with a wrong password), counted as a failed login', async () => {
      const wrongCode = await rejectionOf(change('123455'));
      const wrongPassword = await rejectionOf(change(codeAt(ACTIVE_SECRET, NOW), 'not the password, long enough'));
      expect([wrongCode, wrongPassword].map((e) => e instanceof InvalidCredentials)).to.deep.equal([true, true]);
      expect(f.throttle.callsOf('loginSucceeded')).to.deep.equal([]);
    });

    it('refuses a code used before (replay)', async () => {
      await f.changePassword.execute({ principal: ann, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, code: codeAt(ACTIVE_SECRET, NOW), ip: IP });
      const again = await rejectionOf(f.changePassword.execute({ principal: ann, currentPassword: NEW_PASSWORD, newPassword: `${NEW_PASSWORD}!`, code: codeAt(ACTIVE_SECRET, NOW), ip: IP }));
      expect(again).to.be.instanceOf(InvalidCredentials);
    });

    it('counts the codes per account: past MFA_MAX_FAILURES, TooManyAttempts', async () => {
      await rejectionOf(change('000001'));
      await rejectionOf(change('000002'));
      expect(await rejectionOf(change(codeAt(ACTIVE_SECRET, NOW)))).to.be.instanceOf(TooManyAttempts);
    });
  });
});
