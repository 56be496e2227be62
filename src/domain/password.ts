import { PasswordPolicyViolation, type Violation } from './errors.js';
import type { Email } from './email.js';

// bcrypt reads only 72 bytes: refuse a longer encoding, never truncate it.
export const MAX_PASSWORD_BYTES = 72;
const utf8 = new TextEncoder();

/**
 * Passwords are compared in NFKC (NIST SP 800-63B-4 §3.1.1.2), so that the same password
 * typed on two keyboards, e.g. with a full-width or a composed letter, is the same password.
 */
export function normalizePassword(raw: string): string {
  return raw.normalize('NFKC');
}

/** True when the normalised password can be hashed whole, i.e. bcrypt would not cut it. */
export function fitsHashInput(normalized: string): boolean {
  return utf8.encode(normalized).length <= MAX_PASSWORD_BYTES;
}

export interface PasswordPolicyOptions {
  readonly minLength: number;
}

/**
 * NIST SP 800-63B-4 password rules: a minimum length in characters, a maximum that never
 * truncates, no composition rules, and nothing guessable from the account itself.
 */
export class PasswordPolicy {
  constructor(private readonly options: PasswordPolicyOptions) {}

  /**
   * @returns the normalised password, the form to hash
   * @throws PasswordPolicyViolation listing every rule broken
   */
  check(raw: string, email: Email | null, field = 'password'): string {
    if (!raw.isWellFormed()) {
      throw new PasswordPolicyViolation([
        { field, code: 'invalid_characters', message: 'The password contains invalid Unicode (a lone surrogate).' },
      ]);
    }
    const normalized = normalizePassword(raw);
    const violations: Violation[] = [];
    // NIST counts each code point as one character: of what was typed (NFC, so that an
    // accent sent apart still counts once), not of NFKC, which makes U+FDFA 18 of them.
    if ([...raw.normalize('NFC')].length < this.options.minLength) {
      violations.push({
        field,
        code: 'too_short',
        message: `The password must be at least ${this.options.minLength} characters long.`,
      });
    }
    if (!fitsHashInput(normalized)) {
      violations.push({
        field,
        code: 'too_long',
        message: `The password must fit in ${MAX_PASSWORD_BYTES} bytes of UTF-8 (about ${MAX_PASSWORD_BYTES} letters of the Latin alphabet, fewer of others).`,
      });
    }
    if (email && containsLocalPart(normalized, email)) {
      violations.push({
        field,
        code: 'contains_email',
        message: 'The password must not be or contain the name part of your e-mail address.',
      });
    }
    if (violations.length > 0) throw new PasswordPolicyViolation(violations);
    return normalized;
  }
}

// A local part this short ("jo@", "a@") is in too many good passwords to forbid as a
// substring; it is still refused as the whole password.
const MIN_LOCAL_PART_TO_MATCH_INSIDE = 3;

function containsLocalPart(password: string, email: Email): boolean {
  const local = normalizePassword(email.localPart).toLowerCase();
  const candidate = password.toLowerCase();
  if (local.length < MIN_LOCAL_PART_TO_MATCH_INSIDE) return candidate === local;
  return candidate.includes(local);
}
