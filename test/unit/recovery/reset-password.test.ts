import { expect } from 'chai';
import { InvalidRecoveryToken, PasswordPolicyViolation } from '../../../src/domain/errors.js';
import { fakeHash } from '../fakes/fake-password-hasher.js';
import { rejectionOf } from '../support/rejection-of.js';
import { NEW_PASSWORD, NOW, OLD_PASSWORD, REGISTERED_AT, at, recoveryFixture, tokenIssued, type RecoveryFixture } from './recovery-fixture.js';

describe('ResetPassword', () => {
  let f: RecoveryFixture;

  beforeEach(async () => {
    f = await recoveryFixture();
    await tokenIssued(f, 'reset-1');
  });

  describe('with a valid token', () => {
    beforeEach(async () => {
      await tokenIssued(f, 'verify-ann', { purpose: 'email_verification' });
      await tokenIssued(f, 'verify-bob', { purpose: 'email_verification', userId: 'user-2' });
      await f.resetPassword.execute({ token: 'reset-1', newPassword: NEW_PASSWORD });
    });

    it('stores the hash of the new password', async () => {
      expect((await f.users.findById('user-1'))?.passwordHash).to.equal(fakeHash(NEW_PASSWORD));
    });

    it('sets passwordChangedAt to now, so that older access tokens are refused', async () => {
      expect((await f.users.findById('user-1'))?.passwordChangedAt).to.deep.equal(NOW);
    });

    it("revokes every one of the user's sessions now, and no one else's", () => {
      expect(['session-1', 'session-2', 'session-3'].map((id) => f.sessions.revokedAt(id))).to.deep.equal([NOW, NOW, null]);
    });

    it("ends the user's other outstanding links now, of every purpose, and no one else's", async () => {
      const superseded = ['verify-ann', 'verify-bob'].map((token) => f.tokens.recordOf(token)?.supersededAt);
      expect(superseded).to.deep.equal([NOW, null]);
    });

    it('counts the address as verified, from now', async () => {
      const stored = await f.users.findById('user-1');
      expect([stored?.emailVerified, stored?.emailVerifiedAt]).to.deep.equal([true, NOW]);
    });

    it("lifts the account's ceiling of failed logins", () => {
      expect(f.throttle.callsOf('passwordWasReset').map(({ key }) => key)).to.deep.equal(['ann@example.com']);
    });

    it('consumes the token', async () => {
      expect(f.tokens.recordOf('reset-1')?.usedAt).to.deep.equal(NOW);
    });

    it('refuses the same token a second time with InvalidRecoveryToken', async () => {
      const error = await rejectionOf(f.resetPassword.execute({ token: 'reset-1', newPassword: `${NEW_PASSWORD} again` }));
      expect(error).to.be.instanceOf(InvalidRecoveryToken);
      expect(error).to.have.property('code', 'invalid_recovery_token');
    });
  });

  it('keeps the first verification time of an address verified before', async () => {
    await tokenIssued(f, 'reset-bob', { userId: 'user-2' });
    await f.resetPassword.execute({ token: 'reset-bob', newPassword: NEW_PASSWORD });
    expect((await f.users.findById('user-2'))?.emailVerifiedAt).to.deep.equal(REGISTERED_AT);
  });

  describe('with a new password that breaks the policy', () => {
    let error: unknown;

    beforeEach(async () => {
      error = await rejectionOf(f.resetPassword.execute({ token: 'reset-1', newPassword: 'ann' }));
    });

    it('is refused with PasswordPolicyViolation on /newPassword', () => {
      expect(error).to.be.instanceOf(PasswordPolicyViolation);
      expect(error).to.have.property('code', 'password_policy');
      const fields = (error as PasswordPolicyViolation).violations.map((v) => v.field);
      expect(fields).to.include('newPassword').and.to.satisfy((all: string[]) => all.every((field) => field === 'newPassword'));
    });

    it('leaves the token unconsumed, so that the link can be used again', async () => {
      expect(await f.tokens.findValid('reset-1', 'password_reset', NOW)).to.equal('user-1');
    });

    it("leaves the account's ceiling of failed logins in place", () => {
      expect(f.throttle.callsOf('passwordWasReset')).to.deep.equal([]);
    });

    it('changes neither the password nor the sessions', async () => {
      expect((await f.users.findById('user-1'))?.passwordHash).to.equal(fakeHash(OLD_PASSWORD));
      expect(['session-1', 'session-2'].map((id) => f.sessions.revokedAt(id))).to.deep.equal([null, null]);
    });
  });

  describe('refuses with InvalidRecoveryToken, changing nothing,', () => {
    async function expectRefused(token: string): Promise<void> {
      const error = await rejectionOf(f.resetPassword.execute({ token, newPassword: NEW_PASSWORD }));
      expect(error).to.be.instanceOf(InvalidRecoveryToken);
      expect(error).to.have.property('code', 'invalid_recovery_token');
      const stored = await f.users.findById('user-1');
      expect([stored?.passwordHash, stored?.emailVerified]).to.deep.equal([fakeHash(OLD_PASSWORD), false]);
      expect(['session-1', 'session-2'].map((id) => f.sessions.revokedAt(id))).to.deep.equal([null, null]);
    }

    it('a token that expired a moment ago', async () => {
      await tokenIssued(f, 'expired', { expiresAt: at(-1) });
      await expectRefused('expired');
    });

    it('a token that expires at this very moment', async () => {
      await tokenIssued(f, 'expiring', { expiresAt: NOW });
      await expectRefused('expiring');
    });

    it('a token superseded by a newer request', async () => {
      await tokenIssued(f, 'reset-2', { issuedAt: at(-60_000) });
      await expectRefused('reset-1');
    });

    it('an unknown token', async () => {
      await expectRefused('never-issued');
    });

    it('an e-mail verification token', async () => {
      await tokenIssued(f, 'verify-1', { purpose: 'email_verification' });
      await expectRefused('verify-1');
    });

    it('a token of an account deleted since', async () => {
      f.users.delete('user-1');
      const error = await rejectionOf(f.resetPassword.execute({ token: 'reset-1', newPassword: NEW_PASSWORD }));
      expect(error).to.be.instanceOf(InvalidRecoveryToken);
    });
  });

  it('lets exactly one of two concurrent uses of one token succeed', async () => {
    const outcomes = await Promise.allSettled([
      f.resetPassword.execute({ token: 'reset-1', newPassword: NEW_PASSWORD }),
      f.resetPassword.execute({ token: 'reset-1', newPassword: `${NEW_PASSWORD} too` }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).to.have.nested.property('reason.code', 'invalid_recovery_token');
  });
});
