import { MFA_CHALLENGE_TTL_MS } from '../../domain/mfa-challenge.js';
import { MfaRequired } from '../../domain/errors.js';
import { TOTP_METHODS } from '../../domain/second-factor-code.js';
import type { User } from '../../domain/user.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { Clock } from '../ports/clock.js';
import type { MfaChallengeStore } from '../ports/mfa-challenge-store.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import type { SecondFactorCheck } from './second-factor-check.js';

/**
 * Stops a login whose password matched at its second step, when the account has a second
 * factor: a single-use `mfaToken` (256 bits, stored as a hash, 5 minutes) for
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
  ) {}

  async demandIfEnrolled(user: User): Promise<void> {
    if (!(await this.secondFactor.isEnrolled(user.id))) return;
    const now = this.clock.now();
    const token = this.secrets.generate();
    await this.audit.recordWith(
      () => this.challenges.add({ token, userId: user.id, expiresAt: new Date(now.getTime() + MFA_CHALLENGE_TTL_MS), now }),
      () => ({ type: 'mfa.required', userId: user.id, details: { methods: TOTP_METHODS } }),
    );
    throw new MfaRequired(TOTP_METHODS, token);
  }
}
