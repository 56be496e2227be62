import { expect } from 'chai';
import type { PasskeyStore } from '../../../src/application/ports/passkey-store.js';
import type { WebAuthnChallengeStore } from '../../../src/application/ports/webauthn-challenge-store.js';
import { PasskeyAlreadyRegistered } from '../../../src/domain/errors.js';
import type { Passkey, WebAuthnPurpose } from '../../../src/domain/passkey.js';
import { rejectionOf } from '../support/rejection-of.js';

/** The two passkey ports to hold to their promises, with what the suite needs around them. */
export interface PasskeyStoresUnderTest {
  readonly passkeys: PasskeyStore;
  readonly challenges: WebAuthnChallengeStore;
  /** Makes an account with this id exist (the real tables refer to users). */
  addUser(id: string): Promise<void>;
  close(): Promise<void>;
}

const T0 = new Date('2025-06-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);

export function passkeyFor(userId: string, id: string, changes: Partial<Passkey> = {}): Passkey {
  return {
    id,
    userId,
    publicKey: new Uint8Array([165, 1, 2, 3, 38]),
    counter: 0,
    transports: ['internal', 'hybrid'],
    backupEligible: true,
    backedUp: false,
    aaguid: 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4',
    name: 'Laptop',
    createdAt: T0,
    lastUsedAt: null,
    ...changes,
  };
}

/**
 * The promises of PasskeyStore and WebAuthnChallengeStore, as one suite that the in-memory fakes
 * and the TypeORM adapters (on every database) must all pass.
 */
export function passkeyStorePromises(make: () => Promise<PasskeyStoresUnderTest>): void {
  let s: PasskeyStoresUnderTest;
  beforeEach(async () => {
    s = await make();
    await s.addUser('user-1');
    await s.addUser('user-2');
  });
  afterEach(async () => {
    await s?.close();
  });

  describe('PasskeyStore', () => {
    it('gives back a passkey as stored, found by its credential id and listed for its user only', async () => {
      const passkey = passkeyFor('user-1', 'Y3JlZC1h'.repeat(40));
      await s.passkeys.add(passkey);
      await s.passkeys.add(passkeyFor('user-2', 'cred-b'));
      expect(await s.passkeys.find(passkey.id)).to.deep.equal(passkey);
      expect((await s.passkeys.listOf('user-1')).map((p) => p.id)).to.deep.equal([passkey.id]);
      expect([await s.passkeys.hasAny('user-1'), await s.passkeys.find('unknown')]).to.deep.equal([true, null]);
    });

    it('refuses a second passkey with one credential id, of any user, with PasskeyAlreadyRegistered', async () => {
      await s.passkeys.add(passkeyFor('user-1', 'cred-a'));
      expect(await rejectionOf(s.passkeys.add(passkeyFor('user-2', 'cred-a')))).to.be.instanceOf(PasskeyAlreadyRegistered);
    });

    it('keeps the first handle a user was given', async () => {
      expect(await s.passkeys.findUserHandle('user-1')).to.equal(null);
      expect([await s.passkeys.userHandle('user-1', 'handle-1'), await s.passkeys.userHandle('user-1', 'handle-2')]).to.deep.equal(['handle-1', 'handle-1']);
      expect(await s.passkeys.findUserHandle('user-1')).to.equal('handle-1');
    });

    it('removes a passkey only for its own user', async () => {
      await s.passkeys.add(passkeyFor('user-1', 'cred-a'));
      expect([await s.passkeys.remove('user-2', 'cred-a'), await s.passkeys.remove('user-1', 'cred-a'), await s.passkeys.remove('user-1', 'cred-a')]).to.deep.equal([false, true, false]);
    });

    it('records a use only with a counter that grew, or 0 after 0', async () => {
      await s.passkeys.add(passkeyFor('user-1', 'cred-a'));
      const use = (counter: number) => s.passkeys.recordUse({ credentialId: 'cred-a', counter, backedUp: true, at: at(counter) });
      expect([await use(0), await use(0), await use(5), await use(5), await use(4), await use(6)]).to.deep.equal([true, true, true, false, false, true]);
      expect(await s.passkeys.find('cred-a')).to.deep.include({ counter: 6, backedUp: true, lastUsedAt: at(6) });
    });

    it('lets one of two concurrent uses with one counter through', async () => {
      await s.passkeys.add(passkeyFor('user-1', 'cred-a', { counter: 3 }));
      const uses = await Promise.all([4, 4].map((counter) => s.passkeys.recordUse({ credentialId: 'cred-a', counter, backedUp: false, at: T0 })));
      expect(uses.sort()).to.deep.equal([false, true]);
    });
  });

  describe('WebAuthnChallengeStore', () => {
    const registration: WebAuthnPurpose = { kind: 'registration', userId: 'user-1' };
    const add = (challenge: string, purpose: WebAuthnPurpose, ttlMs = 300_000) => s.challenges.add({ challenge, purpose, expiresAt: at(ttlMs), now: T0 });

    it('spends a challenge once, for its purpose', async () => {
      await add('c1', registration);
      expect([await s.challenges.consume('c1', registration, T0), await s.challenges.consume('c1', registration, T0)]).to.deep.equal([true, false]);
    });

    it('refuses it for another purpose, user or mfaToken, keeping it for its own', async () => {
      await add('c1', { kind: 'second_step', userId: 'user-1', mfaToken: 'token-1' });
      const tries = [
        { kind: 'login' },
        { kind: 'registration', userId: 'user-1' },
        { kind: 'second_step', userId: 'user-2', mfaToken: 'token-1' },
        { kind: 'second_step', userId: 'user-1', mfaToken: 'token-2' },
        { kind: 'second_step', userId: 'user-1', mfaToken: 'token-1' },
      ] as const;
      const answers = [];
      for (const purpose of tries) answers.push(await s.challenges.consume('c1', purpose, T0));
      expect(answers).to.deep.equal([false, false, false, false, true]);
    });

    it('refuses an expired challenge', async () => {
      await add('c1', { kind: 'login' }, 1_000);
      expect(await s.challenges.consume('c1', { kind: 'login' }, at(1_000))).to.equal(false);
    });

    it('lets exactly one of concurrent consumptions through', async () => {
      await add('c1', { kind: 'login' });
      const answers = await Promise.all(Array.from({ length: 5 }, () => s.challenges.consume('c1', { kind: 'login' }, T0)));
      expect(answers.filter(Boolean)).to.have.length(1);
    });
  });
}
