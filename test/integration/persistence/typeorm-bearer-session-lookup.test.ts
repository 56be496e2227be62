import { TypeOrmBearerSessionLookup } from '../../../src/infrastructure/persistence/typeorm-bearer-session-lookup.js';
import { TypeOrmSessionStore } from '../../../src/infrastructure/persistence/typeorm-session-store.js';
import { TypeOrmUserRepository } from '../../../src/infrastructure/persistence/typeorm-user-repository.js';
import { bearerSessionLookupPromises } from '../../unit/support/bearer-session-lookup-promises.js';
import { openAdapterDatabase } from '../recovery/adapter-database.js';
import { databaseKind } from '../support/test-database.js';

// The same promises the in-memory fake keeps (test/unit/fakes/in-memory-bearer-session-lookup.test.ts):
// the one read's SQL must say what isLiveSession and begunSincePasswordChange say.
describe(`TypeOrmBearerSessionLookup (${databaseKind()})`, () => {
  bearerSessionLookupPromises(async () => {
    const a = await openAdapterDatabase();
    return { lookup: new TypeOrmBearerSessionLookup(a.db), users: new TypeOrmUserRepository(a.db), sessions: new TypeOrmSessionStore(a.db), close: () => a.close() };
  });
});
