import { expect } from 'chai';
import { InvalidAccessToken, InvalidCredentials, PasswordPolicyViolation, TooManyAttempts } from '../../../src/domain/errors.js';
import { fakeHash } from '../fakes/fake-password-hasher.js';
import { CURRENT_PASSWORD, IP, changePasswordFixture, input, type ChangePasswordFixture } from '../support/change-password-fixture.js';
import { rejectionOf } from '../support/rejection-of.js';

/** Ann's account and sessions exactly as the fixture made them. */
async function expectNothingChanged(f: ChangePasswordFixture): Promise<void> {
  const stored = await f.users.findById('user-1');
  expect([stored?.passwordHash, stored?.passwordChangedAt.getTime()]).to.deep.equal([f.ann.passwordHash, f.ann.passwordChangedAt.getTime()]);
  expect(['session-1', 'session-2'].map((id) => f.sessions.revokedAt(id))).to.deep.equal([null, null]);
}

describe('ChangePassword: refusals', () => {
  describe('a wrong current password', () => {
    let f: ChangePasswordFixture;
    let error: unknown;

    beforeEach(async () => {
      f = await changePasswordFixture();
      error = await rejectionOf(f.changePassword.execute({ ...input, currentPassword: `${CURRENT_PASSWORD}!` }));
    });

    it('is refused with InvalidCredentials', () => {
      expect(error).to.be.instanceOf(InvalidCredentials);
      expect(error).to.have.property('code', 'invalid_credentials');
    });

    it('changes nothing', async () => {
      await expectNothingChanged(f);
    });

    it('is counted as a failed login, and the count is not started over', () => {
      expect(f.throttle.calls.map(({ method, key, ip }) => [method, key, ip])).to.deep.equal([['beforeLogin', 'ann@example.com', IP]]);
    });
  });

  it('mails the owner once when wrong current passwords reach the account-wide ceiling, as a login would', async () => {
    const f = await changePasswordFixture({ accountLimit: 2 });
    const wrong = { ...input, currentPassword: `${CURRENT_PASSWORD}!` };
    const mailsBefore = f.tokens.mails.length;
    const errors = [];
    for (let i = 0; i < 4; i += 1) errors.push(await rejectionOf(f.changePassword.execute(wrong)));
    expect(errors.map((e) => (e as Error).constructor.name)).to.deep.equal(['InvalidCredentials', 'InvalidCredentials', 'AccountCeilingReached', 'TooManyAttempts']);
    expect(f.tokens.mails.slice(mailsBefore).map((mail) => [mail.to, mail.subject])).to.deep.equal([['ann@example.com', 'Too many failed sign-ins to your account']]);
  });

  it('refuses a current password over 72 bytes whose first 72 bytes match', async () => {
    const f = await changePasswordFixture();
    const long = 'x'.repeat(72);
    await f.users.update(f.ann.withRehashedPassword(fakeHash(long)));
    const error = await rejectionOf(f.changePassword.execute({ ...input, currentPassword: `${long}y` }));
    expect(error).to.be.instanceOf(InvalidCredentials);
  });

  describe('a new password that breaks the policy', () => {
    let f: ChangePasswordFixture;
    let error: unknown;

    beforeEach(async () => {
      f = await changePasswordFixture();
      error = await rejectionOf(f.changePassword.execute({ ...input, newPassword: 'ann' }));
    });

    it('is refused with PasswordPolicyViolation, every violation on the field newPassword', () => {
      expect(error).to.be.instanceOf(PasswordPolicyViolation);
      expect(error).to.have.property('code', 'password_policy');
      const violations = (error as PasswordPolicyViolation).violations.map(({ field, code }) => [field, code]);
      expect(violations).to.deep.equal([
        ['newPassword', 'too_short'],
        ['newPassword', 'contains_email'],
      ]);
    });

    it('changes nothing', async () => {
      await expectNothingChanged(f);
    });
  });

  describe('past the attempt limit', () => {
    let f: ChangePasswordFixture;
    let error: unknown;

    beforeEach(async () => {
      f = await changePasswordFixture({ attemptLimit: 0 });
      error = await rejectionOf(f.changePassword.execute(input));
    });

    it('is refused with TooManyAttempts and its wait', () => {
      expect(error).to.be.instanceOf(TooManyAttempts);
      expect(error).to.have.property('code', 'too_many_attempts');
      expect(error).to.have.property('retryAfterSeconds', 60);
    });

    it('compares no password and changes nothing', async () => {
      expect(f.hasher.verifyCalls).to.deep.equal([]);
      await expectNothingChanged(f);
    });
  });

  it('refuses with InvalidAccessToken when the account is gone', async () => {
    const f = await changePasswordFixture();
    f.users.delete('user-1');
    const error = await rejectionOf(f.changePassword.execute(input));
    expect(error).to.be.instanceOf(InvalidAccessToken);
    expect(error).to.have.property('code', 'invalid_access_token');
  });
});
