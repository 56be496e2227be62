import { passkeyStorePromises } from '../passkeys/passkey-store-promises.js';
import { InMemoryPasskeyStore } from './in-memory-passkey-store.js';
import { InMemoryWebAuthnChallengeStore } from './in-memory-webauthn-challenge-store.js';

// The fakes stand in for the TypeORM adapters in the passkey use-case tests: they must keep the
// ports' promises (the same suite runs against the adapters in test/integration/passkeys/).
describe('InMemoryPasskeyStore and InMemoryWebAuthnChallengeStore', () => {
  passkeyStorePromises(async () => ({ passkeys: new InMemoryPasskeyStore(), challenges: new InMemoryWebAuthnChallengeStore(), addUser: async () => undefined, close: async () => undefined }));
});
