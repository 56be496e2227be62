import { expect } from 'chai';
import fc from 'fast-check';
import { Email } from '../../../src/domain/email.js';
import { InvalidEmail } from '../../../src/domain/errors.js';
import { anyInputString, PROPERTY_RUNS } from './hostile-strings.js';

/** Email.parse's result, or the error it threw: anything but InvalidEmail fails the property. */
function parseOrRefusal(raw: string): Email | InvalidEmail {
  try {
    return Email.parse(raw);
  } catch (error) {
    if (error instanceof InvalidEmail) return error;
    throw error;
  }
}

describe('Email.parse on arbitrary strings (fast-check, fixed seed)', () => {
  it('throws nothing but InvalidEmail, whatever the string (lone surrogates, NUL, any code point)', () => {
    fc.assert(
      fc.property(anyInputString, (raw) => {
        const result = parseOrRefusal(raw);
        if (result instanceof InvalidEmail) {
          expect(result.code).to.equal('invalid_email');
          expect(result.violations).to.have.length(1);
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('returns only well-formed addresses of at most 254 characters with one canonical form', () => {
    fc.assert(
      fc.property(anyInputString, (raw) => {
        const email = parseOrRefusal(raw);
        if (email instanceof InvalidEmail) return;
        expect(email.value.isWellFormed()).to.equal(true);
        expect(email.value.length).to.be.at.most(254);
        expect(email.value).to.include('@');
        expect(email.canonical).to.equal(email.value.toLowerCase());
      }),
      PROPERTY_RUNS,
    );
  });

  it('parses an address it accepted again to the same address (it is idempotent)', () => {
    fc.assert(
      fc.property(anyInputString, (raw) => {
        const email = parseOrRefusal(raw);
        if (email instanceof InvalidEmail) return;
        expect(Email.parse(email.value).value).to.equal(email.value);
      }),
      PROPERTY_RUNS,
    );
  });

  it('accepts every address of RFC 5322 dot-atom form that fast-check generates', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (raw) => {
        expect(Email.parse(raw).canonical).to.equal(raw.toLowerCase());
      }),
      PROPERTY_RUNS,
    );
  });
});
