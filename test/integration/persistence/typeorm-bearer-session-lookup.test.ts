import { randomBytes } from 'node:crypto';
import { AesGcmSecretCipher } from '../../../src/infrastructure/security/aes-gcm-secret-cipher.js';
import { TypeOrmSecondFactorStore } from '../../../src/infrastructure/persistence/typeorm-second-factor-store.js';
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
    const factors = new TypeOrmSecondFactorStore(a.db, new AesGcmSecretCipher(randomBytes(32)));
    return { lookup: new TypeOrmBearerSessionLookup(a.db), users: new TypeOrmUserRepository(a.db), sessions: new TypeOrmSessionStore(a.db), factors, close: () => a.close() };
  });
});
