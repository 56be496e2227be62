import { MFA_CHALLENGE_TTL_MS } from '../../domain/mfa-challenge.js';
import { MfaRequired } from '../../domain/errors.js';
import { TOTP_METHODS } from '../../domain/second-factor-code.js';
import type { User } from '../../domain/user.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { Clock } from '../ports/clock.js';
import type { MfaChallengeStore } from '../ports/mfa-challenge-store.js';
import type { PasskeyStore } from '../ports/passkey-store.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import type { SecondFactorCheck } from './second-factor-check.js';

/**
 * Stops a login whose password matched at its second step, when the account has a second
 * factor (TOTP, or a passkey: then `methods` names "passkey"): a single-use `mfaToken` (256 bits, stored as a hash, 5 minutes) for
 * POST /auth/login/mfa. Called only after the password matched, so that the refusal tells a
 * guesser nothing about the account. Refuses with MfaRequired.
 */
export class MfaChallengeIssuer {
  constructor(
    private readonly secondFactor: SecondFactorCheck,
    private readonly challenges: MfaChallengeStore,
    private readonly secrets: SecretTokenGenerator,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly passkeys: Pick<PasskeyStore, 'hasAny'> | null = null,
  ) {}

  async demandIfEnrolled(user: User): Promise<void> {
    const totp = await this.secondFactor.isEnrolled(user.id);
    const passkey = this.passkeys !== null && (await this.passkeys.hasAny(user.id));
    if (!totp && !passkey) return;
    const now = this.clock.now();
    const token = this.secrets.generate();
    const methods = [...(totp ? TOTP_METHODS : []), ...(passkey ? ['passkey'] : [])];
    await this.audit.recordWith(
      () => this.challenges.add({ token, userId: user.id, expiresAt: new Date(now.getTime() + MFA_CHALLENGE_TTL_MS), now }),
      () => ({ type: 'mfa.required', userId: user.id, details: { methods } }),
    );
    throw new MfaRequired(methods, token);
  }
}
