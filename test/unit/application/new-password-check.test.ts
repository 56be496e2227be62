import { expect } from 'chai';
import { NewPasswordCheck } from '../../../src/application/services/new-password-check.js';
import { Email } from '../../../src/domain/email.js';
import { PasswordPolicyViolation } from '../../../src/domain/errors.js';
import { PasswordPolicy } from '../../../src/domain/password.js';
import { FakeBreachedPasswordChecker } from '../fakes/fake-breached-password-checker.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';

const policy = new PasswordPolicy({ minLength: 15, commonPasswords: new Set() });
const BREACHED = 'monkey business on a tuesday';
const FRESH = 'correct horse battery staple';
const ann = Email.parse('ann@example.com');

describe('NewPasswordCheck', () => {
  let checker: FakeBreachedPasswordChecker;
  let check: NewPasswordCheck;

  beforeEach(() => {
    checker = new FakeBreachedPasswordChecker([BREACHED]);
    check = new NewPasswordCheck(policy, checker);
  });

  it('returns the normalised password when it passes the policy and is not breached', async () => {
    expect(await check.check('ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ', ann)).to.equal('correct horse battery');
  });

  it('asks the breach corpus about the NFKC form', async () => {
    await check.check('ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ', ann);
    expect(checker.asked).to.deep.equal(['correct horse battery']);
  });

  it('refuses a breached password with PasswordPolicyViolation code breached', async () => {
    const error = await rejectionOf(check.check(BREACHED, ann));
    expect(error).to.be.instanceOf(PasswordPolicyViolation);
    expect(error).to.have.property('code', 'password_policy');
    expect(only((error as PasswordPolicyViolation).violations)).to.include({ field: 'password', code: 'breached' });
  });

  it('addresses the breach to the given field', async () => {
    const error = (await rejectionOf(check.check(BREACHED, ann, 'newPassword'))) as PasswordPolicyViolation;
    expect(only(error.violations)).to.include({ field: 'newPassword', code: 'breached' });
  });

  it('does not ask the breach corpus when the policy already refuses', async () => {
    const error = await rejectionOf(check.check('ann', ann));
    expect(error).to.be.instanceOf(PasswordPolicyViolation);
    expect(checker.asked).to.deep.equal([]);
  });

  it('accepts any password the policy accepts when no breach checker is configured', async () => {
    expect(await new NewPasswordCheck(policy, null).check(BREACHED, ann)).to.equal(BREACHED);
  });

  it('accepts a password the corpus does not know', async () => {
    expect(await check.check(FRESH, ann)).to.equal(FRESH);
  });
});
