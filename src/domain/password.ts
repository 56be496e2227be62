import { isCommonPassword } from './common-password.js';
import type { Email } from './email.js';
import { PasswordPolicyViolation, type Violation } from './errors.js';
import { mentionsEmail, mentionsService, serviceNameWords } from './password-context.js';
import { isRepetitive, isSequential } from './trivial-password.js';

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
  /** The blocklist NIST SP 800-63B-4 makes a SHALL: common passwords, in lower-case NFKC. */
  readonly commonPasswords: ReadonlySet<string>;
  /** The service's own name, or its URL; a password holding it is refused. */
  readonly serviceName?: string;
}

type Rule = readonly [code: string, message: string];

/**
 * NIST SP 800-63B-4 password rules: a minimum length in characters, a maximum that never
 * truncates, no composition rules, and a blocklist: common passwords, trivial ones, and
 * nothing guessable from the account or the service.
 */
export class PasswordPolicy {
  private readonly serviceWords: readonly string[];

  constructor(private readonly options: PasswordPolicyOptions) {
    this.serviceWords = options.serviceName ? serviceNameWords(options.serviceName) : [];
  }

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
    const broken = [...this.lengthRulesBroken(raw, normalized), ...this.contentRulesBroken(normalized.toLowerCase(), email)];
    const violations: Violation[] = broken.map(([code, message]) => ({ field, code, message }));
    if (violations.length > 0) throw new PasswordPolicyViolation(violations);
    return normalized;
  }

  private lengthRulesBroken(raw: string, normalized: string): Rule[] {
    const broken: Rule[] = [];
    // NIST counts each code point as one character: of what was typed (NFC, so that an
    // accent sent apart still counts once), not of NFKC, which makes U+FDFA 18 of them.
    if ([...raw.normalize('NFC')].length < this.options.minLength) {
      broken.push(['too_short', `The password must be at least ${this.options.minLength} characters long.`]);
    }
    if (!fitsHashInput(normalized)) {
      broken.push(['too_long', `The password must fit in ${MAX_PASSWORD_BYTES} bytes of UTF-8 (about ${MAX_PASSWORD_BYTES} letters of the Latin alphabet, fewer of others).`]);
    }
    return broken;
  }

  private contentRulesBroken(lower: string, email: Email | null): Rule[] {
    const broken: Rule[] = [];
    if (isRepetitive(lower)) broken.push(['repetitive', 'The password must not be one character, word or pattern repeated.']);
    if (isSequential(lower)) broken.push(['sequential', 'The password must not be a run of letters, digits or keys in a row (like 12345, abcde or qwerty).']);
    if (isCommonPassword(lower, this.options.commonPasswords)) {
      broken.push(['common_password', 'This password is one of the most commonly used (or one with a few characters added or swapped); choose another.']);
    }
    if (email && mentionsEmail(lower, email)) {
      broken.push(['contains_email', 'The password must not be or contain a part of your e-mail address (the name before the @ or the domain).']);
    }
    if (mentionsService(lower, this.serviceWords)) {
      broken.push(['contains_service_name', 'The password must not contain the name of this service.']);
    }
    return broken;
  }
}
