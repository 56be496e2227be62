import { expect } from 'chai';
import { InvalidCredentials } from '../../../src/domain/errors.js';
import { codeAt } from '../fakes/fake-totp-calculator.js';
import { rejectionOf } from '../support/rejection-of.js';
import { ACTIVE_SECRET, IP, NOW, PASSWORD, ann, secondFactorFixture, type SecondFactorFixture } from '../support/second-factor-fixture.js';

describe('DisableTotp', () => {
  let f: SecondFactorFixture;
  const disable = (body: { currentPassword?: string; code?: string }) =>
    f.disable.execute({ principal: ann, currentPassword: body.currentPassword ?? PASSWORD, code: body.code, ip: IP, userAgent: null });

  beforeEach(async () => {
    f = await secondFactorFixture();
    f.activate();
  });

  it('with the password and a code, deletes the secret and every recovery code', async () => {
    await disable({ code: codeAt(ACTIVE_SECRET, NOW) });
    expect([await f.factors.findTotp('user-1'), f.factors.recoveryCodesOf('user-1')]).to.deep.equal([null, []]);
  });

  it('refuses without a code with InvalidCredentials, keeping TOTP on', async () => {
    expect(await rejectionOf(disable({}))).to.be.instanceOf(InvalidCredentials);
    expect(await f.factors.isTotpActive('user-1')).to.equal(true);
  });

  it('refuses a wrong password even with a right code, without spending the code', async () => {
    expect(await rejectionOf(disable({ currentPassword: 'wrong password here', code: codeAt(ACTIVE_SECRET, NOW) }))).to.be.instanceOf(InvalidCredentials);
    expect((await f.factors.findTotp('user-1'))?.lastUsedStep).to.equal(null);
  });
});
