import { bearerSessionLookupPromises } from '../support/bearer-session-lookup-promises.js';
import { InMemoryBearerSessionLookup } from './in-memory-bearer-session-lookup.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';
import { RecordingSessionStore } from './recording-session-store.js';

// The same promises the SQL adapter keeps on every database (test/integration/persistence/).
describe('InMemoryBearerSessionLookup', () => {
  bearerSessionLookupPromises(async () => {
    const users = new InMemoryUserRepository();
    const sessions = new RecordingSessionStore();
    return { lookup: new InMemoryBearerSessionLookup(users, sessions), users, sessions, close: async () => undefined };
  });
});
