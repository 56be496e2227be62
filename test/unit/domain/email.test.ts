import { expect } from 'chai';
import { Email } from '../../../src/domain/email.js';
import { InvalidEmail } from '../../../src/domain/errors.js';
import { thrownBy } from '../support/thrown-by.js';

// RFC 5321 §4.5.3.1 limits: 64 characters before the @, 254 in all.
const LOCAL_64 = 'a'.repeat(64);
const domainOf = (lastLabelLength: number) => `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(lastLabelLength)}.com`;
const ADDRESS_254 = `${LOCAL_64}@${domainOf(57)}`;
const ADDRESS_255 = `${LOCAL_64}@${domainOf(58)}`;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
/** A domain of `bytes` UTF-8 bytes: labels of "ü" (2 bytes each) and one ASCII label, then ".com". */
function domainOfBytes(bytes: number): string {
  const labels: string[] = [];
  let left = bytes - '.com'.length;
  while (left > 64) {
    labels.push('ü'.repeat(31));
    left -= 63;
  }
  labels.push('d'.repeat(left));
  return `${labels.join('.')}.com`;
}

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

  // Invisible characters make two different addresses look alike (`a\u200b@example.com`
  // shows as `a@example.com` in a mail's To: line): Unicode's format characters (\p{Cf}) and
  // Default_Ignorable_Code_Point, which renderers are told to draw as nothing.
  const invisibles: ReadonlyArray<readonly [string, string]> = [
    ['a zero-width space (U+200B)', '\u200B'],
    ['a zero-width non-joiner (U+200C)', '\u200C'],
    ['a zero-width joiner (U+200D)', '\u200D'],
    ['a word joiner (U+2060)', '\u2060'],
    ['a zero-width no-break space (U+FEFF)', '\uFEFF'],
    ['a soft hyphen (U+00AD)', '\u00AD'],
    ['a right-to-left override (U+202E)', '\u202E'],
    ['a left-to-right isolate (U+2066)', '\u2066'],
    ['a tag character (U+E0041)', '\u{E0041}'],
    ['a Mongolian vowel separator (U+180E)', '\u180E'],
    ['a combining grapheme joiner (U+034F)', '\u034F'],
    ['a Hangul filler (U+3164)', '\u3164'],
  ];
  for (const [what, invisible] of invisibles) {
    it(`refuses ${what} in the local part with InvalidEmail`, () => {
      const error = thrownBy(() => Email.parse(`a${invisible}b@example.com`));
      expect(error).to.be.instanceOf(InvalidEmail);
      expect(error).to.have.property('code', 'invalid_email');
    });
  }

  it('refuses an invisible character in the domain with InvalidEmail', () => {
    expect(thrownBy(() => Email.parse('ann@exam\u3164ple.com'))).to.be.instanceOf(InvalidEmail);
  });

  // RFC 5321 §4.5.3.1 counts octets: the UTF-8 bytes a mail server stores, not UTF-16 units.
  it('accepts a local part of 64 bytes of UTF-8 (32 × "é")', () => {
    expect(Email.parse(`${'é'.repeat(32)}@example.com`).localPart).to.equal('é'.repeat(32));
  });

  it('refuses a local part of 66 bytes of UTF-8 (33 × "é", 33 UTF-16 units)', () => {
    expect(thrownBy(() => Email.parse(`${'é'.repeat(33)}@example.com`))).to.be.instanceOf(InvalidEmail);
  });

  it('refuses a local part of 68 bytes of emoji (17 × "😀", 34 UTF-16 units)', () => {
    expect(thrownBy(() => Email.parse(`${'😀'.repeat(17)}@example.com`))).to.be.instanceOf(InvalidEmail);
  });

  it('accepts an address of 254 bytes of UTF-8', () => {
    const address = `${'é'.repeat(32)}@${domainOfBytes(254 - 65)}`;
    expect(utf8Bytes(address)).to.equal(254);
    expect(Email.parse(address).value).to.equal(address);
  });

  it('refuses an address of 255 bytes of UTF-8 (under 254 UTF-16 units)', () => {
    const address = `${'é'.repeat(32)}@${domainOfBytes(255 - 65)}`;
    expect([utf8Bytes(address), address.length < 254]).to.deep.equal([255, true]);
    expect(thrownBy(() => Email.parse(address))).to.be.instanceOf(InvalidEmail);
  });

  it('counts the address as kept: a domain of 254 octets typed that lower-cases to 255 is refused', () => {
    // "Ⱥ" (U+023A) is 2 octets, its lower case "ⱥ" (U+2C65) 3.
    const address = `${'é'.repeat(32)}@Ⱥ${domainOfBytes(254 - 65 - 2)}`;
    expect(utf8Bytes(address)).to.equal(254);
    expect(thrownBy(() => Email.parse(address))).to.be.instanceOf(InvalidEmail);
  });

  it('addresses the refusal to the field the address came from', () => {
    const error = thrownBy(() => Email.parse('not an address', 'newEmail')) as InvalidEmail;
    expect(error.violations.map((v) => [v.field, v.code])).to.deep.equal([['newEmail', 'invalid_email']]);
  });
});
