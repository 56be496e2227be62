import { PasskeyRejected } from '../../domain/errors.js';
import { viewOf, type Passkey, type PasskeyView } from '../../domain/passkey.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { Clock } from '../ports/clock.js';
import type { PasskeyStore } from '../ports/passkey-store.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { WebAuthnChallengeStore } from '../ports/webauthn-challenge-store.js';
import type { WebAuthnVerifier } from '../ports/webauthn-verifier.js';
import type { AccountNotice } from '../services/account-notice.js';
import { userOfPrincipal } from '../services/user-of-principal.js';
import type { Principal } from './authenticate-access-token.js';

export interface AddPasskeyInput {
  readonly principal: Principal;
  readonly name: string;
  /** The browser's RegistrationResponseJSON, unchecked. */
  readonly response: unknown;
}

/**
 * POST /users/me/passkeys: stores the passkey a registration response proves, once its
 * challenge (issued to this user's registration, 5 minutes) is spent by the store's
 * conditional delete, and the response verified (origin, RP ID, user verification). The owner
 * is mailed a notice. Refuses with InvalidAccessToken, PasskeyRejected (an unknown, spent,
 * expired or someone else's challenge, or a response that does not verify) or
 * PasskeyAlreadyRegistered.
 */
export class AddPasskey {
  constructor(
    private readonly users: UserRepository,
    private readonly passkeys: PasskeyStore,
    private readonly challenges: WebAuthnChallengeStore,
    private readonly verifier: WebAuthnVerifier,
    private readonly notices: AccountNotice,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: AddPasskeyInput): Promise<PasskeyView> {
    const user = await userOfPrincipal(this.users, input.principal);
    const now = this.clock.now();
    const challenge = this.verifier.challengeOf(input.response);
    if (challenge === null || !(await this.challenges.consume(challenge, { kind: 'registration', userId: user.id }, now))) throw new PasskeyRejected();
    const verified = await this.verifier.verifyRegistration({ response: input.response, challenge });
    if (!verified) throw new PasskeyRejected();
    const { credentialId, ...key } = verified;
    const passkey: Passkey = { id: credentialId, userId: user.id, ...key, name: input.name.trim(), createdAt: now, lastUsedAt: null };
    await this.audit.recordWith(
      () => this.passkeys.add(passkey),
      () => ({ type: 'passkey.added', userId: user.id, sessionId: input.principal.sessionId, details: { passkeyId: passkey.id } }),
    );
    await this.notices.passkeyAdded(user);
    return viewOf(passkey);
  }
}
