import { withoutSeparators } from './trivial-password.js';

// Digits, punctuation and symbols added before or after a listed password.
const PADDING = /^\P{L}+|\P{L}+$/gu;
// The substitutions every cracking rule set tries first; "1" stands for "i" or "l".
const LEET: Readonly<Record<string, string>> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '!': 'i', '+': 't' };

/**
 * True when the lower-case NFKC password is on the list, or is a listed one with separators
 * between its words ("i love you"), padding around it ("password1!") or leetspeak in it
 * ("p@ssw0rd"): the derivatives an attacker's rules try first (NIST SP 800-63B-4 §3.1.1.2
 * asks for "derivatives thereof"). `list` holds lower-case NFKC entries.
 */
export function isCommonPassword(lower: string, list: ReadonlySet<string>): boolean {
  return [...derivatives(lower)].some((candidate) => candidate.length > 0 && list.has(candidate));
}

function derivatives(lower: string): Set<string> {
  const found = new Set<string>();
  for (const form of [lower, withoutSeparators(lower)]) {
    const core = form.replace(PADDING, '');
    found.add(form).add(core).add(unleet(core, 'i')).add(unleet(core, 'l'));
  }
  return found;
}

function unleet(text: string, one: string): string {
  return [...text].map((c) => (c === '1' ? one : (LEET[c] ?? c))).join('');
}
