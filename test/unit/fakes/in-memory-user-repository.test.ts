import { userRepositoryPromises } from '../support/user-repository-promises.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';

// The fake stands in for the real adapter in every use-case test: it must keep the port's
// promises (the same suite runs against the TypeORM adapter in test/integration/persistence/).
describe('InMemoryUserRepository', () => {
  userRepositoryPromises(async () => ({ users: new InMemoryUserRepository(), close: async () => undefined }));
});
