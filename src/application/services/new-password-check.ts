import type { Email } from '../../domain/email.js';
import { PasswordPolicyViolation } from '../../domain/errors.js';
import type { PasswordPolicy } from '../../domain/password.js';
import type { BreachedPasswordChecker } from '../ports/breached-password-checker.js';

/**
 * Everything a new password must pass, at registration, change and reset alike: the
 * policy's rules, the embedded blocklist among them, then (only if they pass, so no needless
 * outbound call) the breach corpus, which adds to the blocklist when it is configured.
 */
export class NewPasswordCheck {
  constructor(
    private readonly policy: PasswordPolicy,
    private readonly breached: BreachedPasswordChecker | null,
  ) {}

  /**
   * @returns the normalised password, the form to hash
   * @throws PasswordPolicyViolation, or DependencyUnavailable when the breach check fails closed
   */
  async check(raw: string, email: Email | null, field = 'password'): Promise<string> {
    const normalized = this.policy.check(raw, email, field);
    if (this.breached && (await this.breached.isBreached(normalized))) {
      throw new PasswordPolicyViolation([
        {
          field,
          code: 'breached',
          message: 'This password has appeared in a data breach and is not safe to use; choose another.',
        },
      ]);
    }
    return normalized;
  }
}
