import { passwordResetRequestsPromises } from '../recovery/password-reset-requests-promises.js';
import { InMemoryAccountTokenStore } from './in-memory-account-token-store.js';
import { InMemoryPasswordResetRequests } from './in-memory-password-reset-requests.js';

// The fake stands in for the TypeORM adapter in the reset tests: it must keep the port's
// promises (the same suite runs against the adapter in test/integration/recovery/).
describe('InMemoryPasswordResetRequests', () => {
  passwordResetRequestsPromises(async () => {
    const tokens = new InMemoryAccountTokenStore();
    return {
      requests: new InMemoryPasswordResetRequests(tokens),
      addUser: async () => undefined,
      ownerOf: (token, now) => tokens.findValid(token, 'password_reset', now),
      queuedMails: async () => tokens.mails.length,
      close: async () => undefined,
    };
  });
});
