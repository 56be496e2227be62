import { expect } from 'chai';
import { Email } from '../../../src/domain/email.js';
import { PasswordPolicyViolation } from '../../../src/domain/errors.js';
import { PasswordPolicy } from '../../../src/domain/password.js';
import { thrownBy } from '../support/thrown-by.js';

// The service's default minimum (PASSWORD_MIN_LENGTH), NIST SP 800-63B-4's single-factor figure.
const policy = new PasswordPolicy({ minLength: 15 });
const E_ACUTE = '\u00e9'; // two bytes of UTF-8
const EMOJI = '\u{1F600}'; // one code point, two UTF-16 units, four bytes

function refusalCodes(raw: string, email: Email | null = null): string[] {
  const error = thrownBy(() => policy.check(raw, email));
  expect(error).to.be.instanceOf(PasswordPolicyViolation);
  expect(error).to.have.property('code', 'password_policy');
  return (error as PasswordPolicyViolation).violations.map((v) => v.code);
}

describe('PasswordPolicy', () => {
  it('refuses 14 characters as too_short', () => {
    expect(refusalCodes('a'.repeat(14))).to.deep.equal(['too_short']);
  });

  it('accepts 15 characters', () => {
    expect(policy.check('a'.repeat(15), null)).to.equal('a'.repeat(15));
  });

  it('counts code points, not UTF-16 units: 14 emoji are too short', () => {
    expect(refusalCodes(EMOJI.repeat(14))).to.deep.equal(['too_short']);
  });

  it('accepts 15 emoji', () => {
    expect(policy.check(EMOJI.repeat(15), null)).to.equal(EMOJI.repeat(15));
  });

  it('accepts 72 bytes of UTF-8', () => {
    expect(policy.check('a'.repeat(72), null)).to.have.lengthOf(72);
  });

  it('refuses 73 bytes of UTF-8 as too_long rather than truncating', () => {
    expect(refusalCodes('a'.repeat(73))).to.deep.equal(['too_long']);
  });

  it('accepts 36 two-byte characters (72 bytes)', () => {
    expect(policy.check(E_ACUTE.repeat(36), null)).to.equal(E_ACUTE.repeat(36));
  });

  it('refuses 36 two-byte characters and one more byte as too_long', () => {
    expect(refusalCodes(`${E_ACUTE.repeat(36)}a`)).to.deep.equal(['too_long']);
  });

  it('returns the NFKC form of a full-width password', () => {
    expect(policy.check('ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ', null)).to.equal('correct horse battery');
  });

  it('returns the NFKC form of a compatibility ligature', () => {
    expect(policy.check('\uFB01ve boxing wizards jump', null)).to.equal('five boxing wizards jump');
  });

  it('composes a decomposed accent (NFKC)', () => {
    expect(policy.check('cafe\u0301 au lait, sans sucre', null)).to.equal(`caf${E_ACUTE} au lait, sans sucre`);
  });

  it('measures the byte limit on the NFKC form: 72 full-width letters fit', () => {
    // Each full-width letter is three bytes as typed, one once normalised.
    expect(policy.check('\uFF41'.repeat(72), null)).to.equal('a'.repeat(72));
  });

  it("refuses a password containing the e-mail's local part as contains_email", () => {
    const email = Email.parse('ann.smith@example.com');
    expect(refusalCodes('my name is ann.smith, hello', email)).to.deep.equal(['contains_email']);
  });

  it("matches the e-mail's local part case-insensitively", () => {
    const email = Email.parse('Ann.Smith@example.com');
    expect(refusalCodes('my name is ANN.SMITH, hello', email)).to.deep.equal(['contains_email']);
  });

  it("refuses a password equal to the e-mail's local part", () => {
    const email = Email.parse('correct.horse.battery@example.com');
    expect(refusalCodes('Correct.Horse.Battery', email)).to.deep.equal(['contains_email']);
  });

  it('allows a local part shorter than three characters inside a longer password', () => {
    expect(policy.check('enjoy the long journey', Email.parse('jo@example.com'))).to.equal('enjoy the long journey');
  });

  it('still refuses a password that is a short local part entire', () => {
    expect(refusalCodes('JO', Email.parse('jo@example.com'))).to.deep.equal(['too_short', 'contains_email']);
  });

  it('reports every rule broken together', () => {
    expect(refusalCodes('ann', Email.parse('ann@example.com'))).to.deep.equal(['too_short', 'contains_email']);
  });

  it('addresses each violation to the given field', () => {
    const error = thrownBy(() => policy.check('short', null, 'newPassword')) as PasswordPolicyViolation;
    expect(error.violations.map((v) => v.field)).to.deep.equal(['newPassword']);
  });

  it('refuses a lone surrogate as invalid_characters', () => {
    expect(refusalCodes(`correct horse battery \uD800`)).to.deep.equal(['invalid_characters']);
  });

  it('has no composition rules: a long all-lower-case password is accepted', () => {
    expect(policy.check('correcthorsebatterystaple', null)).to.equal('correcthorsebatterystaple');
  });

  it('honours a configured minimum', () => {
    expect(new PasswordPolicy({ minLength: 8 }).check('abcdefgh', null)).to.equal('abcdefgh');
  });

  describe('length counts what was typed (NFC code points), not the NFKC form', () => {
    it('refuses U+FDFA alone as too_short, though NFKC makes it 18 characters', () => {
      expect('\uFDFA'.normalize('NFKC')).to.have.lengthOf(18);
      expect(refusalCodes('\uFDFA')).to.deep.equal(['too_short']);
    });

    it('refuses 14 typed characters whose NFKC form is 15 as too_short', () => {
      // U+FB01 (the "fi" ligature) is one character typed, two once normalised.
      expect(refusalCodes('\uFB01ve wizards ju')).to.deep.equal(['too_short']);
    });

    it('accepts 15 typed characters whose NFKC form is longer', () => {
      expect(policy.check('\uFB01ve wizards jum', null)).to.equal('five wizards jum');
    });

    it('accepts 15 typed half-width kana whose NFKC form is shorter', () => {
      // Half-width ｶ + ﾞ are two code points typed (NFC keeps them), one (ガ) after NFKC.
      const typed = '\uFF76\uFF9E\uFF77\uFF9E\uFF78\uFF9E\uFF79\uFF9E\uFF7A\uFF9E\uFF7B\uFF9E\uFF7C\uFF9E\uFF7D';
      expect([...typed]).to.have.lengthOf(15);
      expect(policy.check(typed, null)).to.equal(typed.normalize('NFKC'));
    });

    it('counts a decomposed accent as the one character NFC makes of it', () => {
      // e + U+0301 is two code points as sent, one (é) in NFC.
      expect(policy.check('cafe\u0301 au laitier', null)).to.have.lengthOf(15);
      expect(refusalCodes('cafe\u0301 au laitie')).to.deep.equal(['too_short']);
    });
  });
});
