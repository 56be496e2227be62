import { expect } from 'chai';
import { InvalidAccessToken, InvalidRecoveryToken, TooManyAttempts } from '../../../src/domain/errors.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';
import { APP_BASE_URL, IP, NOW, REGISTERED_AT, VERIFICATION_TTL_MS, at, recoveryFixture, tokenIssued, type RecoveryFixture } from './recovery-fixture.js';

describe('RequestEmailVerification', () => {
  let f: RecoveryFixture;

  beforeEach(async () => {
    f = await recoveryFixture();
  });

  describe('for an unverified address', () => {
    beforeEach(async () => {
      await f.requestVerification.execute({ userId: 'user-1', ip: IP });
    });

    it('issues one verification token, expiring EMAIL_VERIFICATION_TTL from now', () => {
      const record = only(f.tokens.all());
      expect(record).to.include({ userId: 'user-1', purpose: 'email_verification' });
      expect(record.expiresAt).to.deep.equal(at(VERIFICATION_TTL_MS));
    });

    it('queues a mail to the address with the link {APP_BASE_URL}/verify-email#token=<token>', () => {
      const mail = only(f.tokens.mails);
      expect(mail.to).to.equal('Ann@example.com');
      expect(mail.text).to.include(`${APP_BASE_URL}/verify-email#token=secret-1`);
    });

    it('counts the request against the e-mail and the address', () => {
      expect(f.throttle.calls).to.deep.equal([{ method: 'beforeRecoveryMail', key: 'ann@example.com', ip: IP }]);
    });
  });

  it('sends nothing to an address already verified', async () => {
    await f.requestVerification.execute({ userId: 'user-2', ip: IP });
    expect([f.tokens.all(), f.tokens.mails]).to.deep.equal([[], []]);
  });

  it('refuses an account that no longer exists with InvalidAccessToken', async () => {
    const error = await rejectionOf(f.requestVerification.execute({ userId: 'user-9', ip: IP }));
    expect(error).to.be.instanceOf(InvalidAccessToken);
  });

  it('refuses past the throttle with TooManyAttempts, sending nothing more', async () => {
    f = await recoveryFixture({ attemptLimit: 1 });
    await f.requestVerification.execute({ userId: 'user-1', ip: IP });
    const error = await rejectionOf(f.requestVerification.execute({ userId: 'user-1', ip: IP }));
    expect(error).to.be.instanceOf(TooManyAttempts);
    expect(f.tokens.mails).to.have.lengthOf(1);
  });
});

describe('VerifyEmail', () => {
  let f: RecoveryFixture;

  beforeEach(async () => {
    f = await recoveryFixture();
    await tokenIssued(f, 'verify-1', { purpose: 'email_verification', expiresAt: at(VERIFICATION_TTL_MS) });
  });

  describe('with a valid token', () => {
    beforeEach(async () => {
      await f.verifyEmail.execute({ token: 'verify-1' });
    });

    it('marks the address verified, from now', async () => {
      const stored = await f.users.findById('user-1');
      expect([stored?.emailVerified, stored?.emailVerifiedAt]).to.deep.equal([true, NOW]);
    });

    it('consumes the token', () => {
      expect(f.tokens.recordOf('verify-1')?.usedAt).to.deep.equal(NOW);
    });

    it('refuses the same token a second time with InvalidRecoveryToken', async () => {
      const error = await rejectionOf(f.verifyEmail.execute({ token: 'verify-1' }));
      expect(error).to.be.instanceOf(InvalidRecoveryToken);
      expect(error).to.have.property('code', 'invalid_recovery_token');
    });
  });

  it('verifies with a token mailed by RequestEmailVerification', async () => {
    await f.requestVerification.execute({ userId: 'user-1', ip: IP });
    const token = /#token=(\S+)/.exec(only(f.tokens.mails.slice(1)).text)?.[1];
    await f.verifyEmail.execute({ token: token! });
    expect((await f.users.findById('user-1'))?.emailVerified).to.equal(true);
  });

  it('keeps the first verification time of an address verified before', async () => {
    await tokenIssued(f, 'verify-bob', { userId: 'user-2', purpose: 'email_verification' });
    await f.verifyEmail.execute({ token: 'verify-bob' });
    expect((await f.users.findById('user-2'))?.emailVerifiedAt).to.deep.equal(REGISTERED_AT);
  });

  describe('refuses with InvalidRecoveryToken, leaving the address unverified,', () => {
    async function expectRefused(token: string): Promise<void> {
      const error = await rejectionOf(f.verifyEmail.execute({ token }));
      expect(error).to.be.instanceOf(InvalidRecoveryToken);
      expect(error).to.have.property('code', 'invalid_recovery_token');
      expect((await f.users.findById('user-1'))?.emailVerified).to.equal(false);
    }

    it('an expired token', async () => {
      await tokenIssued(f, 'verify-old', { purpose: 'email_verification', expiresAt: at(-1) });
      await expectRefused('verify-old');
    });

    it('a token superseded by a newer request', async () => {
      await tokenIssued(f, 'verify-2', { purpose: 'email_verification', issuedAt: at(-60_000) });
      await expectRefused('verify-1');
    });

    it('an unknown token', async () => {
      await expectRefused('never-issued');
    });

    it('a password reset token', async () => {
      await tokenIssued(f, 'reset-1');
      await expectRefused('reset-1');
    });
  });
});
