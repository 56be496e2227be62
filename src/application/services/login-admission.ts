import { AccountDisabled, EmailNotVerified } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';

export interface LoginSettings {
  /** REQUIRE_VERIFIED_EMAIL: an unverified account cannot log in. */
  readonly requireVerifiedEmail?: boolean;
}

/**
 * Whether an account whose owner has just proved who they are (a password, a passkey) may log
 * in: not when an administrator disabled it, nor, with REQUIRE_VERIFIED_EMAIL, before its
 * address is verified. Only after the proof, so that the refusal tells a guesser nothing.
 * Refuses with AccountDisabled or EmailNotVerified.
 */
export function admitToLogin(user: User, settings: LoginSettings): void {
  if (user.disabled) throw new AccountDisabled();
  if (settings.requireVerifiedEmail && !user.emailVerified) throw new EmailNotVerified();
}
