import type { WebAuthnChallengeStore } from '../../../src/application/ports/webauthn-challenge-store.js';
import type { WebAuthnPurpose } from '../../../src/domain/passkey.js';

interface Pending {
  readonly purpose: WebAuthnPurpose;
  readonly expiresAt: Date;
}

const roundTrip = () => Promise.resolve();

/** WebAuthn challenges in memory; consuming is one atomic check-and-delete, as the adapter's conditional delete is. */
export class InMemoryWebAuthnChallengeStore implements WebAuthnChallengeStore {
  readonly pending = new Map<string, Pending>();

  async add(challenge: { challenge: string; purpose: WebAuthnPurpose; expiresAt: Date }): Promise<void> {
    await roundTrip();
    this.pending.set(challenge.challenge, { purpose: challenge.purpose, expiresAt: challenge.expiresAt });
  }

  async consume(challenge: string, purpose: WebAuthnPurpose, now: Date): Promise<boolean> {
    await roundTrip();
    const found = this.pending.get(challenge);
    if (!found || found.expiresAt.getTime() <= now.getTime() || JSON.stringify(found.purpose) !== JSON.stringify(purpose)) return false;
    this.pending.delete(challenge);
    return true;
  }
}
