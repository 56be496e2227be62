import { bearerSessionLookupPromises } from '../support/bearer-session-lookup-promises.js';
import { InMemoryBearerSessionLookup } from './in-memory-bearer-session-lookup.js';
import { InMemorySecondFactorStore } from './in-memory-second-factor-store.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';
import { RecordingSessionStore } from './recording-session-store.js';

// The same promises the SQL adapter keeps on every database (test/integration/persistence/).
describe('InMemoryBearerSessionLookup', () => {
  bearerSessionLookupPromises(async () => {
    const users = new InMemoryUserRepository();
    const sessions = new RecordingSessionStore();
    const factors = new InMemorySecondFactorStore();
    return { lookup: new InMemoryBearerSessionLookup(users, sessions, factors), users, sessions, factors, close: async () => undefined };
  });
});
