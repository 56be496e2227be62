/** A code typed as the second factor: a TOTP code, or one of the account's recovery codes. */
export type SecondFactorCode =
  | { readonly kind: 'totp'; readonly code: string }
  | { readonly kind: 'recovery_code'; readonly code: string };

/** The methods an account with TOTP can finish a login with (API.md: `methods`). */
export const TOTP_METHODS: readonly string[] = ['totp', 'recovery_code'];

/** Spaces and dashes are how people copy a code, not part of it. */
const SEPARATORS = /[\s-]/g;

/** In a `code` field that takes either (re-authentication, reset): six digits are a TOTP code. */
export function readSecondFactorCode(text: string): SecondFactorCode {
  const compact = text.replace(SEPARATORS, '');
  return /^\d{6}$/.test(compact) ? { kind: 'totp', code: compact } : { kind: 'recovery_code', code: compact };
}

export const totpCode = (text: string): SecondFactorCode => ({ kind: 'totp', code: text.replace(SEPARATORS, '') });
export const recoveryCode = (text: string): SecondFactorCode => ({ kind: 'recovery_code', code: text });

/** A recovery code as stored (its hash is of this form): no separators, upper case. */
export function normalizeRecoveryCode(text: string): string {
  return text.replace(SEPARATORS, '').toUpperCase();
}
