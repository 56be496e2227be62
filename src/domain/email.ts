import { InvalidEmail } from './errors.js';

// RFC 5321 §4.5.3.1: 64 octets of local part, 254 for the whole path a mailbox can use.
// Octets of UTF-8 (RFC 6531 §3.3), not UTF-16 units: 33 × "é" is 33 units but 66 octets.
const MAX_LOCAL_OCTETS = 64;
const MAX_OCTETS = 254;
// Deliberately permissive (the only real proof is a delivered mail), but no spaces, no
// control characters, no quotes or angle brackets that could smuggle headers into a mail.
const LOCAL_PART = /^[^\s@"<>()[\]\\,;:\p{Cc}]+$/u;
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
// Characters a mail client draws as nothing, so that `a\u200b@example.com` reads as
// `a@example.com` in a To: line: format characters (zero-width, bidi controls, soft hyphen,
// tags) and the rest of Unicode's Default_Ignorable_Code_Point (Hangul fillers, the
// combining grapheme joiner, variation selectors). One address must look like one address.
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/**
 * An e-mail address as the service keeps it: trimmed, domain lower-cased, local part as typed.
 * Two addresses are the same account when their `canonical` forms (lower-cased) are equal code
 * point for code point: no accent, emoji or other folding, on any database.
 */
export class Email {
  private constructor(readonly value: string, readonly canonical: string) {}

  /** @throws InvalidEmail */
  static parse(raw: string, field = 'email'): Email {
    if (!raw.isWellFormed()) throw new InvalidEmail('It contains invalid Unicode.', field);
    // NFC: "é" typed precomposed or as e + accent is one address, so one account.
    const trimmed = raw.normalize('NFC').trim();
    if (INVISIBLE.test(trimmed)) throw new InvalidEmail('It contains an invisible character.', field);
    const at = trimmed.lastIndexOf('@');
    if (at <= 0 || at === trimmed.length - 1) throw new InvalidEmail('It must look like name@example.com.', field);
    const local = trimmed.slice(0, at);
    const domain = trimmed.slice(at + 1).toLowerCase();
    if (utf8Octets(local) > MAX_LOCAL_OCTETS || !LOCAL_PART.test(local)) {
      throw new InvalidEmail('The part before the @ is not valid.', field);
    }
    const labels = domain.split('.');
    if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
      throw new InvalidEmail('The domain after the @ is not valid.', field);
    }
    const value = `${local}@${domain}`;
    // Counted as kept: lower-casing the domain can change its length ("Ⱥ" 2 octets, "ⱥ" 3).
    if (utf8Octets(value) > MAX_OCTETS) throw new InvalidEmail(`It is longer than ${MAX_OCTETS} bytes of UTF-8.`, field);
    return new Email(value, value.toLowerCase());
  }

  /**
   * An address as it was stored, under whatever rule held when it was accepted: never parsed
   * again, so that a stricter rule later cannot make an existing account unreadable.
   */
  static restore(value: string, canonical: string): Email {
    return new Email(value, canonical);
  }

  get localPart(): string {
    return this.value.slice(0, this.value.lastIndexOf('@'));
  }

  /** The domain, lower-cased as it was stored. */
  get domain(): string {
    return this.value.slice(this.value.lastIndexOf('@') + 1);
  }

  equals(other: Email): boolean {
    return this.canonical === other.canonical;
  }

  toString(): string {
    return this.value;
  }
}

/** Octets of the UTF-8 encoding (a well-formed string: each code point 1 to 4 octets). */
function utf8Octets(text: string): number {
  let octets = 0;
  for (const char of text) {
    const point = char.codePointAt(0)!;
    octets += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return octets;
}
