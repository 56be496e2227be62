import { expect } from 'chai';
import fc from 'fast-check';
import { Email } from '../../../src/domain/email.js';
import { PasswordPolicyViolation } from '../../../src/domain/errors.js';
import { MAX_PASSWORD_BYTES, PasswordPolicy } from '../../../src/domain/password.js';
import { anyInputString, hostileString, PROPERTY_RUNS } from './hostile-strings.js';

const RULES = ['invalid_characters', 'too_short', 'too_long', 'contains_email', 'repetitive', 'sequential', 'common_password', 'contains_service_name'];
const MIN_LENGTH = 15;
const policy = new PasswordPolicy({ minLength: MIN_LENGTH, commonPasswords: new Set(['password', 'dragon']), serviceName: 'auth-service' });

// A password and, half the time, the account's address (parsed from a generated one).
const passwordAndEmail = fc.tuple(
  fc.oneof(anyInputString, hostileString(120)),
  fc.option(fc.emailAddress().map((raw) => Email.parse(raw)), { nil: null }),
);

/** PasswordPolicy.check's result, or its refusal: any other error fails the property. */
function checkOrRefusal(raw: string, email: Email | null): string | PasswordPolicyViolation {
  try {
    return policy.check(raw, email);
  } catch (error) {
    if (error instanceof PasswordPolicyViolation) return error;
    throw error;
  }
}

describe('PasswordPolicy.check on arbitrary strings (fast-check, fixed seed)', () => {
  it('throws nothing but PasswordPolicyViolation, each naming only known rules', () => {
    fc.assert(
      fc.property(passwordAndEmail, ([raw, email]) => {
        const result = checkOrRefusal(raw, email);
        if (typeof result === 'string') return;
        expect(result.code).to.equal('password_policy');
        expect(result.violations).to.not.be.empty;
        for (const violation of result.violations) expect(RULES).to.include(violation.code);
      }),
      PROPERTY_RUNS,
    );
  });

  it('returns only NFKC, well-formed passwords, typed at the minimum length, that bcrypt reads whole', () => {
    fc.assert(
      fc.property(passwordAndEmail, ([raw, email]) => {
        const normalized = checkOrRefusal(raw, email);
        if (typeof normalized !== 'string') return;
        expect(normalized.isWellFormed()).to.equal(true);
        expect(normalized).to.equal(normalized.normalize('NFKC'));
        expect([...raw.normalize('NFC')].length).to.be.at.least(MIN_LENGTH);
        expect(Buffer.byteLength(normalized, 'utf8')).to.be.at.most(MAX_PASSWORD_BYTES);
      }),
      PROPERTY_RUNS,
    );
  });

  it('refuses every string holding a lone surrogate, as invalid characters', () => {
    const withLoneSurrogate = fc
      .tuple(hostileString(40), fc.integer({ min: 0xd800, max: 0xdfff }), hostileString(40))
      .map(([before, unit, after]) => `${before}${String.fromCharCode(unit)}${after}`)
      .filter((raw) => !raw.isWellFormed());
    fc.assert(
      fc.property(withLoneSurrogate, (raw) => {
        const result = checkOrRefusal(raw, null);
        expect(result).to.be.instanceOf(PasswordPolicyViolation);
        expect((result as PasswordPolicyViolation).violations.map((v) => v.code)).to.deep.equal(['invalid_characters']);
      }),
      PROPERTY_RUNS,
    );
  });
});
