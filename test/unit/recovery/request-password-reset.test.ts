import { expect } from 'chai';
import { InvalidEmail, TooManyAttempts } from '../../../src/domain/errors.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';
import { APP_BASE_URL, IP, NOW, RESET_TTL_MS, at, recoveryFixture, type RecoveryFixture } from './recovery-fixture.js';

describe('RequestPasswordReset', () => {
  let f: RecoveryFixture;

  beforeEach(async () => {
    f = await recoveryFixture();
  });

  describe('for a registered address', () => {
    beforeEach(async () => {
      await f.requestReset.execute({ email: 'ann@example.com', ip: IP });
    });

    it('issues one reset token for the account, expiring PASSWORD_RESET_TTL from now', () => {
      const record = only(f.tokens.all());
      expect(record).to.include({ userId: 'user-1', purpose: 'password_reset', usedAt: null, supersededAt: null });
      expect([record.createdAt, record.expiresAt]).to.deep.equal([NOW, at(RESET_TTL_MS)]);
    });

    it('makes the issued token the one that is valid', async () => {
      expect(await f.tokens.findValid('secret-1', 'password_reset', NOW)).to.equal('user-1');
    });

    it('queues one mail to the address as the account holds it', () => {
      expect(only(f.tokens.mails).to).to.equal('Ann@example.com');
    });

    it('puts the link {APP_BASE_URL}/reset-password#token=<token> in the text of the mail', () => {
      expect(only(f.tokens.mails).text).to.include(`${APP_BASE_URL}/reset-password#token=secret-1`);
    });

    it('counts the request against the e-mail (canonical) and the address', () => {
      expect(f.throttle.calls).to.deep.equal([{ method: 'beforeRecoveryMail', key: 'ann@example.com', ip: IP }]);
    });
  });

  it('lets a second request supersede the first link', async () => {
    await f.requestReset.execute({ email: 'ann@example.com', ip: IP });
    await f.requestReset.execute({ email: 'ann@example.com', ip: IP });
    expect([await f.tokens.findValid('secret-1', 'password_reset', NOW), await f.tokens.findValid('secret-2', 'password_reset', NOW)]).to.deep.equal([
      null,
      'user-1',
    ]);
  });

  describe('for an unknown address', () => {
    let outcome: unknown;

    beforeEach(async () => {
      outcome = await f.requestReset.execute({ email: 'nobody@example.com', ip: IP });
    });

    it('resolves as for a registered one, with nothing', () => {
      expect(outcome).to.equal(undefined);
    });

    it('issues no token and queues no mail', () => {
      expect([f.tokens.all(), f.tokens.mails]).to.deep.equal([[], []]);
    });

    it('still counts the request against the e-mail and the address', () => {
      expect(f.throttle.calls).to.deep.equal([{ method: 'beforeRecoveryMail', key: 'nobody@example.com', ip: IP }]);
    });
  });

  describe('past the throttle', () => {
    beforeEach(async () => {
      f = await recoveryFixture({ attemptLimit: 1 });
      await f.requestReset.execute({ email: 'ann@example.com', ip: IP });
    });

    it('refuses with TooManyAttempts and its retry time', async () => {
      const error = await rejectionOf(f.requestReset.execute({ email: 'ann@example.com', ip: IP }));
      expect(error).to.be.instanceOf(TooManyAttempts);
      expect(error).to.include({ code: 'too_many_attempts', retryAfterSeconds: 120 });
    });

    it('issues no second token and queues no second mail', async () => {
      await rejectionOf(f.requestReset.execute({ email: 'ann@example.com', ip: IP }));
      expect([f.tokens.all().length, f.tokens.mails.length]).to.deep.equal([1, 1]);
    });

    it('refuses an unknown address alike', async () => {
      await f.requestReset.execute({ email: 'nobody@example.com', ip: IP });
      const error = await rejectionOf(f.requestReset.execute({ email: 'nobody@example.com', ip: IP }));
      expect(error).to.have.property('code', 'too_many_attempts');
    });
  });

  it('refuses a malformed address with InvalidEmail before counting it', async () => {
    const error = await rejectionOf(f.requestReset.execute({ email: 'not an address', ip: IP }));
    expect(error).to.be.instanceOf(InvalidEmail);
    expect(f.throttle.calls).to.deep.equal([]);
  });
});
