import { expect } from 'chai';
import { InvalidEmail, TooManyAttempts } from '../../../src/domain/errors.js';
import { rejectionOf } from '../support/rejection-of.js';
import { IP, NOW, recoveryFixture, type RecoveryFixture } from './recovery-fixture.js';

// What a request does before its answer: the token and the mail come later, from
// ResolvePasswordResetRequests (resolve-password-reset-requests.test.ts).
describe('RequestPasswordReset', () => {
  let f: RecoveryFixture;
  const requested = () => f.resetRequests.all().map(({ email, requestedAt }) => ({ email, requestedAt }));

  beforeEach(async () => {
    f = await recoveryFixture();
  });

  describe('for a registered address', () => {
    beforeEach(async () => {
      await f.requestReset.execute({ email: ' Ann@Example.COM ', ip: IP });
    });

    it('records one request, holding the address as parsed (trimmed, domain lower-cased), at now', () => {
      expect(requested()).to.deep.equal([{ email: 'Ann@example.com', requestedAt: NOW }]);
    });

    it('issues no token and queues no mail before it answers: nothing that an unknown address would not do', () => {
      expect([f.tokens.all(), f.tokens.mails]).to.deep.equal([[], []]);
    });

    it('counts the request against the e-mail (canonical) and the address', () => {
      expect(f.throttle.calls).to.deep.equal([{ method: 'beforeRecoveryMail', key: 'ann@example.com', ip: IP }]);
    });
  });

  describe('for an unknown address', () => {
    let outcome: unknown;

    beforeEach(async () => {
      outcome = await f.requestReset.execute({ email: 'nobody@example.com', ip: IP });
    });

    it('resolves as for a registered one, with nothing', () => {
      expect(outcome).to.equal(undefined);
    });

    it('records one request alike', () => {
      expect(requested()).to.deep.equal([{ email: 'nobody@example.com', requestedAt: NOW }]);
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

    it('records no second request', async () => {
      await rejectionOf(f.requestReset.execute({ email: 'ann@example.com', ip: IP }));
      expect(requested()).to.have.lengthOf(1);
    });

    it('refuses an unknown address alike', async () => {
      await f.requestReset.execute({ email: 'nobody@example.com', ip: IP });
      const error = await rejectionOf(f.requestReset.execute({ email: 'nobody@example.com', ip: IP }));
      expect(error).to.have.property('code', 'too_many_attempts');
    });
  });

  it('refuses a malformed address with InvalidEmail before counting or recording it', async () => {
    const error = await rejectionOf(f.requestReset.execute({ email: 'not an address', ip: IP }));
    expect(error).to.be.instanceOf(InvalidEmail);
    expect([f.throttle.calls, requested()]).to.deep.equal([[], []]);
  });
});
