import { Email } from '../../../src/domain/email.js';
import { User } from '../../../src/domain/user.js';
import { TypeOrmSessionStore } from '../../../src/infrastructure/persistence/typeorm-session-store.js';
import { TypeOrmUserRepository } from '../../../src/infrastructure/persistence/typeorm-user-repository.js';
import { sessionStoreLivenessPromises, sessionStorePromises, type SessionStoreUnderTest } from '../../unit/support/session-store-promises.js';
import { openAdapterDatabase } from '../recovery/adapter-database.js';
import { databaseKind } from '../support/test-database.js';

// The same liveness cases the recording fake passes (test/unit/fakes/recording-session-store.test.ts),
// each case's answer given by the domain's rule: the SQL must say what isLiveSession says.
async function underTest(): Promise<SessionStoreUnderTest> {
  const a = await openAdapterDatabase();
  const users = new TypeOrmUserRepository(a.db);
  return {
    store: new TypeOrmSessionStore(a.db),
    addUser: (id) => users.add(User.register({ id, email: Email.parse(`${id}@example.com`), passwordHash: 'hash', now: new Date(0) })),
    close: () => a.close(),
  };
}

describe(`TypeOrmSessionStore: liveness (${databaseKind()})`, () => {
  sessionStoreLivenessPromises(underTest);
});

// The same promises the recording fake keeps (test/unit/fakes/recording-session-store.test.ts).
describe(`TypeOrmSessionStore (${databaseKind()})`, () => {
  sessionStorePromises(underTest);
});
