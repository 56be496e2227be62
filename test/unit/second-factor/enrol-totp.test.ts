import { expect } from 'chai';
import { InvalidCredentials, TotpAlreadyEnabled } from '../../../src/domain/errors.js';
import { rejectionOf } from '../support/rejection-of.js';
import { IP, ISSUER, PASSWORD, ann, secondFactorFixture, type SecondFactorFixture } from '../support/second-factor-fixture.js';

describe('EnrolTotp', () => {
  let f: SecondFactorFixture;
  const enrol = (currentPassword = PASSWORD) => f.enrol.execute({ principal: ann, currentPassword, ip: IP });

  beforeEach(async () => {
    f = await secondFactorFixture();
  });

  it('answers a new secret and the otpauth:// URI that carries it, for the account and the issuer', async () => {
    expect(await enrol()).to.deep.equal({ secret: 'SECRET1', otpauthUri: `otpauth://totp/${ISSUER}:ann@example.com?secret=SECRET1&issuer=${ISSUER}` });
  });

  it('stores the secret unconfirmed: the account has no second factor yet', async () => {
    await enrol();
    expect([await f.factors.findTotp('user-1'), await f.factors.isTotpActive('user-1')]).to.deep.equal([
      { userId: 'user-1', secret: 'SECRET1', confirmed: false, lastUsedStep: null },
      false,
    ]);
  });

  it('replaces an unconfirmed secret with a new one', async () => {
    await enrol();
    await enrol();
    expect((await f.factors.findTotp('user-1'))?.secret).to.equal('SECRET2');
  });

  it('refuses a wrong current password with InvalidCredentials, counted as a login attempt, and stores nothing', async () => {
    const error = await rejectionOf(enrol('not the password at all'));
    expect(error).to.be.instanceOf(InvalidCredentials);
    expect([f.throttle.callsOf('beforeLogin').length, await f.factors.findTotp('user-1')]).to.deep.equal([1, null]);
  });

  it('refuses with TotpAlreadyEnabled when TOTP is active, keeping the active secret', async () => {
    f.activate();
    const error = await rejectionOf(enrol());
    expect(error).to.be.instanceOf(TotpAlreadyEnabled);
    expect(error).to.have.property('code', 'totp_already_enabled');
    expect((await f.factors.findTotp('user-1'))?.confirmed).to.equal(true);
  });
});
