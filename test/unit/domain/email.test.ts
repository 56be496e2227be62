import { expect } from 'chai';
import { Email } from '../../../src/domain/email.js';
import { InvalidEmail } from '../../../src/domain/errors.js';
import { thrownBy } from '../support/thrown-by.js';

// RFC 5321 §4.5.3.1 limits: 64 characters before the @, 254 in all.
const LOCAL_64 = 'a'.repeat(64);
const domainOf = (lastLabelLength: number) => `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(lastLabelLength)}.com`;
const ADDRESS_254 = `${LOCAL_64}@${domainOf(57)}`;
const ADDRESS_255 = `${LOCAL_64}@${domainOf(58)}`;

describe('Email', () => {
  it('trims surrounding white space', () => {
    expect(Email.parse('  ann@example.com \n').value).to.equal('ann@example.com');
  });

  it('lower-cases the domain', () => {
    expect(Email.parse('ann@Example.COM').value).to.equal('ann@example.com');
  });

  it('keeps the local part as typed', () => {
    expect(Email.parse('Ann.Smith@example.com').localPart).to.equal('Ann.Smith');
  });

  it('has a canonical form that is all lower-case', () => {
    expect(Email.parse('Ann.Smith@Example.com').canonical).to.equal('ann.smith@example.com');
  });

  it('equals the same address typed in another case', () => {
    expect(Email.parse('Ann@Example.com').equals(Email.parse('aNN@EXAMPLE.COM'))).to.equal(true);
  });

  it('does not equal an address with another local part', () => {
    expect(Email.parse('ann@example.com').equals(Email.parse('anne@example.com'))).to.equal(false);
  });

  it('accepts a sub-address with a plus sign', () => {
    expect(Email.parse('ann+news@example.com').value).to.equal('ann+news@example.com');
  });

  it('accepts an internationalised domain', () => {
    expect(Email.parse('ann@Bücher.de').value).to.equal('ann@bücher.de');
  });

  it('accepts a local part of exactly 64 characters', () => {
    expect(Email.parse(`${LOCAL_64}@example.com`).localPart).to.equal(LOCAL_64);
  });

  it('accepts an address of exactly 254 characters', () => {
    expect(ADDRESS_254).to.have.lengthOf(254);
    expect(Email.parse(ADDRESS_254).value).to.equal(ADDRESS_254);
  });

  const refusals: ReadonlyArray<readonly [string, string]> = [
    ['an address without @', 'ann.example.com'],
    ['an empty local part', '@example.com'],
    ['an empty domain', 'ann@'],
    ['a space in the local part', 'ann smith@example.com'],
    ['a space in the domain', 'ann@exam ple.com'],
    ['an address of more than 254 characters', ADDRESS_255],
    ['a local part of more than 64 characters', `${'a'.repeat(65)}@example.com`],
    ['a domain of a single label', 'ann@localhost'],
    ['an empty domain label', 'ann@example..com'],
    ['a domain label that starts with a hyphen', 'ann@-example.com'],
    ['a domain label that ends with a hyphen', 'ann@example-.com'],
    ['a domain label of more than 63 characters', `ann@${'b'.repeat(64)}.com`],
    ['an underscore in the domain', 'ann@ex_ample.com'],
    ['angle brackets that could smuggle a mail header', 'ann<x>@example.com'],
    ['a control character', 'ann\u0007@example.com'],
    ['a lone surrogate', 'ann\uD800@example.com'],
  ];
  for (const [what, raw] of refusals) {
    it(`refuses ${what} with InvalidEmail`, () => {
      const error = thrownBy(() => Email.parse(raw));
      expect(error).to.be.instanceOf(InvalidEmail);
      expect(error).to.have.property('code', 'invalid_email');
    });
  }

  it('addresses the refusal to the field the address came from', () => {
    const error = thrownBy(() => Email.parse('not an address', 'newEmail')) as InvalidEmail;
    expect(error.violations.map((v) => [v.field, v.code])).to.deep.equal([['newEmail', 'invalid_email']]);
  });
});
