// NIST SP 800-63B-4 §3.1.1.2 puts "repetitive or sequential characters" on the blocklist:
// such a password is guessed from its first few characters, whatever its length.

const SEPARATORS = /[\s._-]+/gu;

/** The text without the spaces, dots, dashes and underscores a user puts between its parts. */
export function withoutSeparators(text: string): string {
  return text.replace(SEPARATORS, '');
}

/**
 * True when the whole text, or the text without separators, is a shorter unit repeated,
 * whole or cut short at the end: `aaaa…`, fifteen spaces, `passwordpassword`, `abcabca`.
 */
export function isRepetitive(text: string): boolean {
  return hasShortPeriod(text) || hasShortPeriod(withoutSeparators(text));
}

// Linear, whatever the input's length: the KMP prefix function gives the shortest period.
function hasShortPeriod(text: string): boolean {
  const chars = [...text];
  if (chars.length < 2) return false;
  const prefix = new Array<number>(chars.length).fill(0);
  for (let i = 1; i < chars.length; i += 1) {
    let k = prefix[i - 1]!;
    while (k > 0 && chars[i] !== chars[k]) k = prefix[k - 1]!;
    if (chars[i] === chars[k]) k += 1;
    prefix[i] = k;
  }
  const period = chars.length - prefix[chars.length - 1]!;
  return period * 2 <= chars.length;
}

const ALPHABETS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz'];

// Walks along a keyboard, row by row and column by column (QWERTY, QWERTZ, AZERTY).
const KEYBOARD_WALKS = [
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7ki8lo9p0',
  'q1w2e3r4t5y6u7i8o9p0',
  '1q2w3e4r5t6y7u8i9o0p',
];

/**
 * True when the (lower-case) text without separators is a run with a constant step through
 * the digits or the letters, wrapping round (`123456789012345`, `zyxwv`, `acegi`), or a
 * keyboard walk (`qwertyuiop`, `1qaz2wsx`), forwards or backwards.
 */
export function isSequential(lower: string): boolean {
  const text = withoutSeparators(lower);
  if (text.length < 3 || !/^[a-z0-9]+$/.test(text)) return false;
  return ALPHABETS.some((alphabet) => isConstantStep(text, alphabet)) || KEYBOARD_WALKS.some((walk) => isWalk(text, walk));
}

function isConstantStep(text: string, alphabet: string): boolean {
  const at = [...text].map((c) => alphabet.indexOf(c));
  if (at.some((i) => i < 0)) return false;
  const step = (at[1]! - at[0]! + alphabet.length) % alphabet.length;
  if (step === 0) return false; // one character repeated: isRepetitive's case
  return at.every((i, n) => n === 0 || (i - at[n - 1]! + alphabet.length) % alphabet.length === step);
}

function isWalk(text: string, walk: string): boolean {
  const cycle = walk.repeat(Math.ceil(text.length / walk.length) + 1);
  return cycle.includes(text) || [...cycle].reverse().join('').includes(text);
}
