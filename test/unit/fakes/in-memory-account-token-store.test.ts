import { accountTokenStorePromises } from '../recovery/account-token-store-promises.js';
import { InMemoryAccountTokenStore } from './in-memory-account-token-store.js';

// The fake stands in for the TypeORM adapter in every recovery use-case test: it must keep the
// port's promises (the same suite runs against the adapter in test/integration/recovery/).
describe('InMemoryAccountTokenStore', () => {
  accountTokenStorePromises(async () => {
    const store = new InMemoryAccountTokenStore();
    return { store, addUser: async () => undefined, queuedMails: async () => [...store.mails], close: async () => undefined };
  });
});
