import { Email } from '../../../src/domain/email.js';
import { User } from '../../../src/domain/user.js';
import { TypeOrmAccountTokenStore } from '../../../src/infrastructure/persistence/typeorm-account-token-store.js';
import { TypeOrmPasswordResetRequests } from '../../../src/infrastructure/persistence/typeorm-password-reset-requests.js';
import { TypeOrmUserRepository } from '../../../src/infrastructure/persistence/typeorm-user-repository.js';
import { passwordResetRequestsPromises } from '../../unit/recovery/password-reset-requests-promises.js';
import { databaseKind } from '../support/test-database.js';
import { openAdapterDatabase } from './adapter-database.js';

// The same promises the in-memory fake keeps (test/unit/fakes/in-memory-password-reset-requests.test.ts).
describe(`TypeOrmPasswordResetRequests (${databaseKind()})`, () => {
  passwordResetRequestsPromises(async () => {
    const a = await openAdapterDatabase();
    const users = new TypeOrmUserRepository(a.db);
    const tokens = new TypeOrmAccountTokenStore(a.db);
    return {
      requests: new TypeOrmPasswordResetRequests(a.db),
      addUser: (id) => users.add(User.register({ id, email: Email.parse(`${id}@example.com`), passwordHash: 'hash', now: new Date(0) })),
      ownerOf: (token, now) => tokens.findValid(token, 'password_reset', now),
      queuedMails: async () => Number((await a.query('SELECT COUNT(*) AS n FROM mail_outbox'))[0].n),
      close: () => a.close(),
    };
  });
});
