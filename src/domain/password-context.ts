import type { Email } from './email.js';

// NIST SP 800-63B-4 §3.1.1.2: the blocklist holds "context-specific words, such as the name
// of the service, the username, and derivatives thereof".

// A local part this short ("jo@", "a@") is in too many good passwords to forbid as a
// substring; it is still refused as the whole password.
const MIN_LOCAL_PART_TO_MATCH_INSIDE = 3;
// Domain and service words are shared by every user: a shorter one is a common syllable.
const MIN_NAME_TO_MATCH_INSIDE = 4;
// Host labels that name a function, not the organisation ("login.acme.com", "mail.ru").
const GENERIC_LABELS = new Set(['www', 'mail', 'email', 'post', 'auth', 'login', 'signin', 'sso', 'id', 'identity', 'account', 'accounts', 'api', 'app', 'secure']);

/** The text without separators or symbols: "Ann.Smith" and "ann-smith" both give "annsmith". */
function squeeze(lower: string): string {
  return lower.replace(/[^\p{L}\p{N}]/gu, '');
}

/** True when the lower-case password is the word, or holds it and the word is long enough. */
function mentions(lower: string, word: string, minInside: number): boolean {
  const wordLower = word.normalize('NFKC').toLowerCase();
  if (wordLower.length === 0) return false;
  const [password, squeezed] = [squeeze(lower), squeeze(wordLower)];
  if (lower === wordLower || (squeezed.length > 0 && password === squeezed)) return true;
  return (wordLower.length >= minInside && lower.includes(wordLower)) || (squeezed.length >= minInside && password.includes(squeezed));
}

/** The labels of a host that name its owner: neither the top-level domain nor a generic one. */
function ownerLabels(host: string): string[] {
  return host.split('.').slice(0, -1).filter((label) => !GENERIC_LABELS.has(label));
}

/** True when the lower-case password is or holds the e-mail's local part or a label of its domain. */
export function mentionsEmail(lower: string, email: Email): boolean {
  if (mentions(lower, email.localPart, MIN_LOCAL_PART_TO_MATCH_INSIDE)) return true;
  return ownerLabels(email.domain).some((label) => mentions(lower, label, MIN_NAME_TO_MATCH_INSIDE));
}

/**
 * The words that name the service: for a URL or a host name (`https://login.acme.com`),
 * the labels that name its owner (`acme`); otherwise the name itself (`auth-service`).
 */
export function serviceNameWords(name: string): string[] {
  const host = (/^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(name)?.[1] ?? name).toLowerCase();
  return host.includes('.') && !/\s/.test(host) ? ownerLabels(host) : [name];
}

/** True when the lower-case password is or holds one of the service's words. */
export function mentionsService(lower: string, words: readonly string[]): boolean {
  return words.some((word) => mentions(lower, word, MIN_NAME_TO_MATCH_INSIDE));
}
