import { expect } from 'chai';
import { Email } from '../../../src/domain/email.js';
import { PasswordPolicyViolation } from '../../../src/domain/errors.js';
import { PasswordPolicy } from '../../../src/domain/password.js';
import { thrownBy } from '../support/thrown-by.js';

// A few entries of the kind the real blocklist holds (lower case, as the adapter stores them).
const COMMON = new Set(['password', 'iloveyou', 'dragon', 'letmein', '1qaz2wsx3edc4rfv', 'passwordpassword']);
// The service's default minimum (PASSWORD_MIN_LENGTH), NIST SP 800-63B-4's single-factor figure.
const policy = new PasswordPolicy({ minLength: 15, commonPasswords: COMMON, serviceName: 'auth-service' });
const E_ACUTE = '\u00e9'; // two bytes of UTF-8
/** `count` different emoji (each one code point, two UTF-16 units), so that only length rules apply. */
const emoji = (count: number) => Array.from({ length: count }, (_, i) => String.fromCodePoint(0x1f600 + i)).join('');
/** `count` different two-byte letters (U+00C0 onwards). */
const twoByteLetters = (count: number) => Array.from({ length: count }, (_, i) => String.fromCodePoint(0xc0 + i)).join('');
const PANGRAMS = 'the quick brown fox jumps over the lazy dog, pack my box with five dozen liquor jugs';
const fullWidth = (ascii: string) => [...ascii].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');

function refusalCodes(raw: string, email: Email | null = null): string[] {
  const error = thrownBy(() => policy.check(raw, email));
  expect(error).to.be.instanceOf(PasswordPolicyViolation);
  expect(error).to.have.property('code', 'password_policy');
  return (error as PasswordPolicyViolation).violations.map((v) => v.code);
}

describe('PasswordPolicy', () => {
  it('refuses 14 characters as too_short', () => {
    expect(refusalCodes('fourteen chars')).to.deep.equal(['too_short']);
  });

  it('accepts 15 characters', () => {
    expect(policy.check('fifteen letters', null)).to.equal('fifteen letters');
  });

  it('counts code points, not UTF-16 units: 14 emoji are too short', () => {
    expect(refusalCodes(emoji(14))).to.deep.equal(['too_short']);
  });

  it('accepts 15 emoji', () => {
    expect(policy.check(emoji(15), null)).to.equal(emoji(15));
  });

  it('accepts 72 bytes of UTF-8', () => {
    expect(policy.check(PANGRAMS.slice(0, 72), null)).to.have.lengthOf(72);
  });

  it('refuses 73 bytes of UTF-8 as too_long rather than truncating', () => {
    expect(refusalCodes(PANGRAMS.slice(0, 73))).to.deep.equal(['too_long']);
  });

  it('accepts 36 two-byte characters (72 bytes)', () => {
    expect(policy.check(twoByteLetters(36), null)).to.equal(twoByteLetters(36));
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
    const letters = PANGRAMS.replaceAll(/[^a-z]/g, '').slice(0, 72);
    expect(policy.check(fullWidth(letters), null)).to.equal(letters);
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
    expect(new PasswordPolicy({ minLength: 8, commonPasswords: COMMON }).check('tuba jam', null)).to.equal('tuba jam');
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

  describe('blocklist and trivial passwords (NIST SP 800-63B-4 §3.1.1.2)', () => {
    it('refuses 123456789012345 as sequential', () => {
      expect(refusalCodes('123456789012345')).to.deep.equal(['sequential']);
    });

    it('refuses aaaaaaaaaaaaaaaa as repetitive', () => {
      expect(refusalCodes('aaaaaaaaaaaaaaaa')).to.deep.equal(['repetitive']);
    });

    it('refuses fifteen spaces as repetitive', () => {
      expect(refusalCodes(' '.repeat(15))).to.deep.equal(['repetitive']);
    });

    it('refuses passwordpassword as repetitive and as a common password', () => {
      expect(refusalCodes('passwordpassword')).to.have.members(['repetitive', 'common_password']);
    });

    it('refuses a password on the list whatever its case or width', () => {
      expect(refusalCodes('1QAZ2WSX3EDC4RFV')).to.include('common_password');
      expect(refusalCodes(fullWidth('1qaz2wsx3edc4rfv'))).to.include('common_password');
    });

    it('refuses a listed password padded with digits and punctuation as common_password', () => {
      expect(refusalCodes('password1234567')).to.deep.equal(['common_password']);
      expect(refusalCodes('!!!!dragon!!!!!!')).to.deep.equal(['common_password']);
    });

    it('refuses a listed password written in leetspeak as common_password', () => {
      expect(refusalCodes('p@ssw0rd!!!!!!!')).to.deep.equal(['common_password']);
      expect(refusalCodes('L3tme1n 2024-2025')).to.deep.equal(['common_password']);
    });

    it('refuses a listed password split by spaces as common_password', () => {
      expect(refusalCodes('I love you 2024!!')).to.deep.equal(['common_password']);
    });

    it('refuses a shorter unit repeated, whole or cut, as repetitive', () => {
      expect(refusalCodes('abcabcabcabcabca')).to.deep.equal(['repetitive']);
      expect(refusalCodes('Correct Horse correct horse')).to.deep.equal(['repetitive']);
    });

    it('refuses descending runs and runs that wrap round as sequential', () => {
      expect(refusalCodes('987654321098765')).to.deep.equal(['sequential']);
      expect(refusalCodes('XYZABCDEFGHIJKLM')).to.deep.equal(['sequential']);
      expect(refusalCodes('acegikmoqsuwyac')).to.deep.equal(['sequential']);
      expect(refusalCodes('1234 5678 9012 345')).to.deep.equal(['sequential']);
    });

    it('refuses a walk along the keyboard as sequential', () => {
      expect(refusalCodes('qwertyuiopasdfgh')).to.deep.equal(['sequential']);
      expect(refusalCodes('mnbvcxzlkjhgfdsa')).to.deep.equal(['sequential']);
      expect(refusalCodes('1qaz2wsx3edc4rfv5tgb')).to.include('sequential');
    });

    it("refuses a password containing the service's own name as contains_service_name", () => {
      expect(refusalCodes('My Auth Service passphrase')).to.deep.equal(['contains_service_name']);
    });

    it('takes the service name from a URL issuer: its host, without the generic labels', () => {
      const bank = new PasswordPolicy({ minLength: 15, commonPasswords: COMMON, serviceName: 'https://login.acmebank.com/' });
      expect(thrownBy(() => bank.check('I bank with AcmeBank since 1999', null))).to.have.nested.property('violations[0].code', 'contains_service_name');
      expect(bank.check('my login is a long phrase', null)).to.equal('my login is a long phrase');
      expect(bank.check('the common era is long', null)).to.equal('the common era is long');
    });

    it("refuses a password containing a label of the e-mail's domain as contains_email", () => {
      const email = Email.parse('ann@mail.bigcorp.co.uk');
      expect(refusalCodes('greetings from BigCorp towers', email)).to.deep.equal(['contains_email']);
      expect(refusalCodes('greetings from example towers', Email.parse('ann@example.com'))).to.deep.equal(['contains_email']);
    });

    it("allows the e-mail's top-level domain, generic and short labels inside a password", () => {
      const email = Email.parse('ann@mail.ab.co.uk');
      expect(policy.check('absolutely mailed to the uk and co', email)).to.equal('absolutely mailed to the uk and co');
    });

    for (const passphrase of ['correct horse battery staple', 'Mary had a little lamb in 1867', 'zebras quietly juggle violet plums', 'ich liebe Äpfel und Birnen!', '我的密码是一匹快乐的小马儿啊！']) {
      it(`accepts the passphrase "${passphrase}"`, () => {
        expect(policy.check(passphrase, Email.parse('ann.smith@example.com'))).to.equal(passphrase.normalize('NFKC'));
      });
    }
  });
});
