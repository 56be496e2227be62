import fc from 'fast-check';

/**
 * Fixed seed and bounded runs: a property run is reproducible (a failure prints its seed
 * and path) and takes a fixed, small share of the suite's time.
 */
export const PROPERTY_RUNS = { seed: 20_260_801, numRuns: 1_500 } as const;

/** One UTF-16 unit or code point of any kind, lone surrogates, NUL and controls included. */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
// Characters that matter to the rules: separators, quotes, brackets, white space, the
// characters NFC/NFKC change, the Turkish dotted I whose lower case is longer.
const meaningful = fc.constantFrom('@', '.', '-', '"', '<', '>', '(', ')', '[', ']', '\\', ',', ';', ':', ' ', '\t', '\n', '\0', '\u00a0', '\u200b', 'e\u0301', '\uff21', '\u0130', 'ß', 'ﬁ', '\u{1f600}', 'ａ');

/** Strings of every kind of character, weighted towards the ones the rules look at. */
export const hostileString = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.oneof({ arbitrary: anyCodePoint, weight: 4 }, { arbitrary: meaningful, weight: 4 }, { arbitrary: loneSurrogate, weight: 1 }, { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 2 }),
    maxLength,
  });

/** Something shaped like an address (local@domain.tld), with hostile parts. */
export const addressLike: fc.Arbitrary<string> = fc
  .tuple(hostileString(70), fc.constantFrom('@', '@@', ''), hostileString(40), fc.constantFrom('.', '..', ''), hostileString(10))
  .map((parts) => parts.join(''));

/** Every kind of string a client could send as an e-mail or a password. */
export const anyInputString: fc.Arbitrary<string> = fc.oneof(
  hostileString(300),
  addressLike,
  fc.emailAddress(),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);
