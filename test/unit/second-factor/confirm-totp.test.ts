import { expect } from 'chai';
import { InvalidSecondFactor, NoTotpToConfirm, TooManyAttempts } from '../../../src/domain/errors.js';
import { codeAt, stepAt } from '../fakes/fake-totp-calculator.js';
import { rejectionOf } from '../support/rejection-of.js';
import { IP, NOW, PASSWORD, ann, secondFactorFixture, type SecondFactorFixture } from '../support/second-factor-fixture.js';

describe('ConfirmTotp', () => {
  let f: SecondFactorFixture;
  const confirm = (code: string) => f.confirm.execute({ principal: ann, code });

  beforeEach(async () => {
    f = await secondFactorFixture({ secondFactorLimit: 3 });
    await f.enrol.execute({ principal: ann, currentPassword: PASSWORD, ip: IP });
  });

  it('answers 10 recovery codes, each once, with the first code from the app', async () => {
    const { recoveryCodes } = await confirm(codeAt('SECRET1', NOW));
    expect(recoveryCodes).to.have.lengthOf(10);
    expect(new Set(recoveryCodes).size).to.equal(10);
  });

  it('turns TOTP on, with the code’s step counted as used', async () => {
    await confirm(codeAt('SECRET1', NOW, -1));
    expect([await f.factors.isTotpActive('user-1'), (await f.factors.findTotp('user-1'))?.lastUsedStep]).to.deep.equal([true, stepAt(NOW) - 1]);
  });

  it('stores the recovery codes as typed back without their dashes', async () => {
    const { recoveryCodes } = await confirm(codeAt('SECRET1', NOW));
    expect(f.factors.recoveryCodesOf('user-1').map((r) => r.code)).to.deep.equal(recoveryCodes.map((code) => code.replace(/-/g, '')));
  });

  it("ends the user's other sessions and keeps the caller's and other users'", async () => {
    await confirm(codeAt('SECRET1', NOW));
    expect(['session-1', 'session-2', 'session-3'].map((id) => f.sessions.revokedAt(id))).to.deep.equal([null, NOW, null]);
  });

  it('refuses a wrong code with InvalidSecondFactor and leaves TOTP off', async () => {
    const error = await rejectionOf(confirm(codeAt('SECRET1', NOW, 2)));
    expect(error).to.be.instanceOf(InvalidSecondFactor);
    expect(await f.factors.isTotpActive('user-1')).to.equal(false);
  });

  it('counts each code per account: past the limit even the right code is TooManyAttempts', async () => {
    for (let i = 0; i < 3; i += 1) await rejectionOf(confirm('000000'));
    expect(await rejectionOf(confirm(codeAt('SECRET1', NOW)))).to.be.instanceOf(TooManyAttempts);
  });

  it('refuses with NoTotpToConfirm once confirmed, and when nothing was enrolled', async () => {
    await confirm(codeAt('SECRET1', NOW));
    const again = await rejectionOf(confirm(codeAt('SECRET1', NOW, 1)));
    const bob = await rejectionOf(f.confirm.execute({ principal: { userId: 'user-2', sessionId: 'session-3' }, code: '123456' }));
    expect([again, bob].map((e) => (e as { code?: string }).code)).to.deep.equal(['no_totp_to_confirm', 'no_totp_to_confirm']);
    expect(again).to.be.instanceOf(NoTotpToConfirm);
  });
});
