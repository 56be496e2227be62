import { TypeOrmUserRepository } from '../../../src/infrastructure/persistence/typeorm-user-repository.js';
import { userRepositoryPromises } from '../../unit/support/user-repository-promises.js';
import { openAdapterDatabase } from '../recovery/adapter-database.js';
import { databaseKind } from '../support/test-database.js';

// The same promises the in-memory fake keeps (test/unit/fakes/in-memory-user-repository.test.ts).
describe(`TypeOrmUserRepository (${databaseKind()})`, () => {
  userRepositoryPromises(async () => {
    const a = await openAdapterDatabase();
    return { users: new TypeOrmUserRepository(a.db), close: () => a.close() };
  });
});
