import { AccountDisabled, EmailNotVerified } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import type { AuditTrail } from '../ports/audit-trail.js';

export interface LoginSettings {
  /** REQUIRE_VERIFIED_EMAIL: an unverified account cannot log in. */
  readonly requireVerifiedEmail?: boolean;
}

/**
 * Whether an account whose owner has just proved who they are (a password, a passkey) may log
 * in: not when an administrator disabled it, nor, with REQUIRE_VERIFIED_EMAIL, before its
 * address is verified. Only after the proof, so that the refusal tells a guesser nothing. A
 * refusal is a failed login too, recorded with its reason.
 * Refuses with AccountDisabled or EmailNotVerified.
 */
export async function admitToLogin(user: User, settings: LoginSettings, audit: Pick<AuditTrail, 'record'>): Promise<void> {
  const refusal = user.disabled ? new AccountDisabled() : settings.requireVerifiedEmail && !user.emailVerified ? new EmailNotVerified() : null;
  if (!refusal) return;
  const reason = refusal instanceof AccountDisabled ? 'account_disabled' : 'email_not_verified';
  await audit.record({ type: 'login.failed', userId: user.id, details: { reason, during: 'login' } });
  throw refusal;
}
