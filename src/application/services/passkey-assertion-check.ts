import { InvalidPasskey } from '../../domain/errors.js';
import { counterRegressed, type Passkey, type WebAuthnPurpose } from '../../domain/passkey.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { Clock } from '../ports/clock.js';
import type { PasskeyStore } from '../ports/passkey-store.js';
import type { SecurityEventLog } from '../ports/security-event-log.js';
import type { WebAuthnChallengeStore } from '../ports/webauthn-challenge-store.js';
import type { WebAuthnVerifier } from '../ports/webauthn-verifier.js';

export interface PasskeyAssertion {
  /** The browser's AuthenticationResponseJSON, unchecked. */
  readonly response: unknown;
  /** A passwordless login, or the second step of one login (bound to its user and mfaToken). */
  readonly purpose: Extract<WebAuthnPurpose, { kind: 'login' | 'second_step' }>;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/**
 * The one check of a passkey assertion, for the passwordless login and the login's second step.
 * The challenge is spent first, by the store's conditional delete, whatever follows: it works
 * once, even for a response that then fails. A counter that did not grow (other than 0 to 0)
 * is refused, logged as a security event and recorded in the audit log. Refuses with InvalidPasskey.
 * @returns the passkey it proved, as this use left it
 */
export class PasskeyAssertionCheck {
  constructor(
    private readonly verifier: WebAuthnVerifier,
    private readonly challenges: WebAuthnChallengeStore,
    private readonly passkeys: PasskeyStore,
    private readonly events: SecurityEventLog,
    private readonly clock: Clock,
    private readonly audit: Pick<AuditTrail, 'record'>,
  ) {}

  async verify(assertion: PasskeyAssertion): Promise<Passkey> {
    const now = this.clock.now();
    const challenge = this.verifier.challengeOf(assertion.response);
    if (challenge === null || !(await this.challenges.consume(challenge, assertion.purpose, now))) throw new InvalidPasskey();
    const passkey = await this.presentedPasskey(assertion);
    const verified = await this.verifier.verifyAuthentication({ response: assertion.response, challenge, credentialId: passkey.id, publicKey: passkey.publicKey });
    if (!verified) throw new InvalidPasskey();
    const use = { credentialId: passkey.id, counter: verified.counter, backedUp: verified.backedUp, at: now };
    if (counterRegressed(passkey.counter, verified.counter) || !(await this.passkeys.recordUse(use))) {
      const { ip, userAgent } = assertion;
      this.events.passkeyCounterRegressed({ userId: passkey.userId, credentialId: passkey.id, storedCounter: passkey.counter, presentedCounter: verified.counter, ip, userAgent });
      await this.audit.record({ type: 'passkey.counter_regressed', userId: passkey.userId, details: { passkeyId: passkey.id, stored: passkey.counter, presented: verified.counter } });
      throw new InvalidPasskey();
    }
    return { ...passkey, counter: verified.counter, backedUp: verified.backedUp, lastUsedAt: now };
  }

  /** The stored passkey the assertion names, if it may finish this purpose and its user handle (when given) is its owner's. */
  private async presentedPasskey(assertion: PasskeyAssertion): Promise<Passkey> {
    const presented = this.verifier.credentialOf(assertion.response);
    const passkey = presented ? await this.passkeys.find(presented.id) : null;
    if (!presented || !passkey) throw new InvalidPasskey();
    if (assertion.purpose.kind === 'second_step' && passkey.userId !== assertion.purpose.userId) throw new InvalidPasskey();
    if (presented.userHandle !== null && presented.userHandle !== (await this.passkeys.findUserHandle(passkey.userId))) throw new InvalidPasskey();
    return passkey;
  }
}
