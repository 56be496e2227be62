import { WEBAUTHN_CHALLENGE_TTL_MS } from '../../domain/passkey.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { WebAuthnChallengeStore } from '../ports/webauthn-challenge-store.js';
import type { WebAuthnJson, WebAuthnVerifier } from '../ports/webauthn-verifier.js';

/**
 * POST /auth/passkey/options: request options for a passwordless login with a discoverable
 * credential (no allowCredentials, so they name no account), the challenge stored for a login,
 * 5 minutes. Counted per address first: each call stores a row. Refuses with TooManyAttempts.
 */
export class BeginPasskeyLogin {
  constructor(
    private readonly throttle: AttemptThrottle,
    private readonly challenges: WebAuthnChallengeStore,
    private readonly verifier: WebAuthnVerifier,
    private readonly clock: Clock,
  ) {}

  async execute(input: { readonly ip: string | null }): Promise<WebAuthnJson> {
    await this.throttle.beforePasskeyOptions(input.ip);
    const issued = await this.verifier.authenticationOptions({});
    const now = this.clock.now();
    await this.challenges.add({ challenge: issued.challenge, purpose: { kind: 'login' }, expiresAt: new Date(now.getTime() + WEBAUTHN_CHALLENGE_TTL_MS), now });
    return issued.options;
  }
}
