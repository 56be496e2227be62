import { InvalidSecondFactor } from '../../domain/errors.js';
import { isLiveChallenge } from '../../domain/mfa-challenge.js';
import { WEBAUTHN_CHALLENGE_TTL_MS } from '../../domain/passkey.js';
import type { Clock } from '../ports/clock.js';
import type { MfaChallengeStore } from '../ports/mfa-challenge-store.js';
import type { PasskeyStore } from '../ports/passkey-store.js';
import type { WebAuthnChallengeStore } from '../ports/webauthn-challenge-store.js';
import type { WebAuthnJson, WebAuthnVerifier } from '../ports/webauthn-verifier.js';

/**
 * POST /auth/login/mfa/passkey-options: for a live `mfaToken` of an account with passkeys,
 * request options restricted to them (allowCredentials), the challenge stored bound to this
 * mfaToken. Refuses with InvalidSecondFactor (one answer for a spent, expired or unknown
 * mfaToken and an account without passkeys).
 */
export class BeginPasskeySecondStep {
  constructor(
    private readonly mfaChallenges: MfaChallengeStore,
    private readonly passkeys: PasskeyStore,
    private readonly challenges: WebAuthnChallengeStore,
    private readonly verifier: WebAuthnVerifier,
    private readonly clock: Clock,
    private readonly maxFailures: number,
  ) {}

  async execute(input: { readonly mfaToken: string }): Promise<WebAuthnJson> {
    const now = this.clock.now();
    const step = await this.mfaChallenges.find(input.mfaToken);
    if (!step || !isLiveChallenge(step, now, this.maxFailures)) throw new InvalidSecondFactor();
    const allow = (await this.passkeys.listOf(step.userId)).map(({ id, transports }) => ({ id, transports }));
    if (allow.length === 0) throw new InvalidSecondFactor();
    const issued = await this.verifier.authenticationOptions({ allow });
    const purpose = { kind: 'second_step', userId: step.userId, mfaToken: input.mfaToken } as const;
    await this.challenges.add({ challenge: issued.challenge, purpose, expiresAt: new Date(now.getTime() + WEBAUTHN_CHALLENGE_TTL_MS), now });
    return issued.options;
  }
}
