import { expect } from 'chai';
import { NoSecondFactor } from '../../../src/domain/errors.js';
import { rejectionOf } from '../support/rejection-of.js';
import { ACTIVE_RECOVERY_CODES, IP, PASSWORD, ann, secondFactorFixture, type SecondFactorFixture } from '../support/second-factor-fixture.js';

describe('RegenerateRecoveryCodes', () => {
  let f: SecondFactorFixture;
  const regenerate = (code?: string) => f.regenerate.execute({ principal: ann, currentPassword: PASSWORD, code, ip: IP, userAgent: null });

  beforeEach(async () => {
    f = await secondFactorFixture();
  });

  it('answers a new set of 10 in place of the old one: the old codes stop working', async () => {
    f.activate();
    const { recoveryCodes } = await regenerate(ACTIVE_RECOVERY_CODES[0]);
    expect(recoveryCodes).to.have.lengthOf(10);
    expect(f.factors.recoveryCodesOf('user-1').map((r) => r.code)).to.deep.equal(recoveryCodes.map((code) => code.replace(/-/g, '')));
  });

  it('refuses with NoSecondFactor when the account has no TOTP', async () => {
    const error = await rejectionOf(regenerate());
    expect(error).to.be.instanceOf(NoSecondFactor);
    expect(error).to.have.property('code', 'no_second_factor');
  });
});
