// Keys whose values must never reach a log line, wherever they sit in a logged object:
// passwords, hashes, tokens (access, refresh, reset, mfa), secrets, recovery codes, the otpauth
// URI (it holds the TOTP secret), and credential headers.
const SECRET_KEY = /pass(word)?|hash|token|secret|authorization|cookie|api[-_]?key|private[-_]?key|otpauth|recovery[-_]?codes?/i;
// `code` names error codes too (err.code, problem codes): a one-time code is all digits.
const isOneTimeCode = (key: string, value: unknown) => key === 'code' && typeof value === 'string' && /^\d{6,8}$/.test(value);
export const REDACTED = '[REDACTED]';
const MAX_DEPTH = 6;

/** A copy of a value to log, with every secret-named field replaced by [REDACTED]. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Buffer.isBuffer(value)) return '[binary]';
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) || isOneTimeCode(key, item) ? REDACTED : redact(item, depth + 1);
  }
  return copy;
}
