import { WEBAUTHN_CHALLENGE_TTL_MS } from '../../domain/passkey.js';
import type { Clock } from '../ports/clock.js';
import type { PasskeyStore } from '../ports/passkey-store.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import type { WebAuthnChallengeStore } from '../ports/webauthn-challenge-store.js';
import type { WebAuthnJson, WebAuthnVerifier } from '../ports/webauthn-verifier.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { Reauthentication } from '../services/reauthentication.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { ReauthenticatedInput } from './disable-totp.js';

/**
 * POST /users/me/passkeys/options: after re-authentication, creation options for a new
 * passkey of the caller. The user handle is the account's opaque random one (made at the first
 * registration, never the e-mail), the user's passkeys are excluded, and the challenge is
 * stored bound to this user's registration for 5 minutes.
 * Refuses with InvalidAccessToken, InvalidCredentials or TooManyAttempts.
 */
export class BeginPasskeyRegistration {
  constructor(
    private readonly users: UserRepository,
    private readonly reauthentication: Reauthentication,
    private readonly passkeys: PasskeyStore,
    private readonly challenges: WebAuthnChallengeStore,
    private readonly verifier: WebAuthnVerifier,
    private readonly secrets: SecretTokenGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(input: ReauthenticatedInput): Promise<WebAuthnJson> {
    const user = await this.reauthentication.verify({ user: await userOfPrincipal(this.users, input.principal), ...input });
    const userHandle = await this.passkeys.userHandle(user.id, this.secrets.generate());
    const exclude = (await this.passkeys.listOf(user.id)).map(({ id, transports }) => ({ id, transports }));
    const issued = await this.verifier.registrationOptions({ userHandle, userName: user.email.value, exclude });
    const now = this.clock.now();
    await this.challenges.add({ challenge: issued.challenge, purpose: { kind: 'registration', userId: user.id }, expiresAt: new Date(now.getTime() + WEBAUTHN_CHALLENGE_TTL_MS), now });
    return issued.options;
  }
}
