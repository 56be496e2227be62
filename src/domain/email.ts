import { InvalidEmail } from './errors.js';

// RFC 5321 §4.5.3.1: 64 octets of local part, 254 for the whole path a mailbox can use.
const MAX_LOCAL_LENGTH = 64;
const MAX_LENGTH = 254;
// Deliberately permissive (the only real proof is a delivered mail), but no spaces, no
// control characters, no quotes or angle brackets that could smuggle headers into a mail.
const LOCAL_PART = /^[^\s@"<>()[\]\\,;:\p{Cc}]+$/u;
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

/**
 * An e-mail address as the service keeps it: trimmed, domain lower-cased, local part as typed.
 * Two addresses are the same account when their `canonical` forms are equal (case-insensitive).
 */
export class Email {
  private constructor(readonly value: string, readonly canonical: string) {}

  /** @throws InvalidEmail */
  static parse(raw: string, field = 'email'): Email {
    if (!raw.isWellFormed()) throw new InvalidEmail('It contains invalid Unicode.', field);
    // NFC: "é" typed precomposed or as e + accent is one address, so one account.
    const trimmed = raw.normalize('NFC').trim();
    if (trimmed.length > MAX_LENGTH) throw new InvalidEmail(`It is longer than ${MAX_LENGTH} characters.`, field);
    const at = trimmed.lastIndexOf('@');
    if (at <= 0 || at === trimmed.length - 1) throw new InvalidEmail('It must look like name@example.com.', field);
    const local = trimmed.slice(0, at);
    const domain = trimmed.slice(at + 1).toLowerCase();
    if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) {
      throw new InvalidEmail('The part before the @ is not valid.', field);
    }
    const labels = domain.split('.');
    if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
      throw new InvalidEmail('The domain after the @ is not valid.', field);
    }
    const value = `${local}@${domain}`;
    return new Email(value, value.toLowerCase());
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
