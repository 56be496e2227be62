import { expect } from 'chai';
import { Email } from '../../../src/domain/email.js';
import { User } from '../../../src/domain/user.js';
import { TypeOrmAccountTokenStore } from '../../../src/infrastructure/persistence/typeorm-account-token-store.js';
import { TypeOrmUserRepository } from '../../../src/infrastructure/persistence/typeorm-user-repository.js';
import { accountTokenStorePromises } from '../../unit/recovery/account-token-store-promises.js';
import { sha256Hex } from '../support/session-flow.js';
import { databaseKind } from '../support/test-database.js';
import { openAdapterDatabase, type AdapterDatabase } from './adapter-database.js';

async function underTest() {
  const a = await openAdapterDatabase();
  const users = new TypeOrmUserRepository(a.db);
  return {
    store: new TypeOrmAccountTokenStore(a.db),
    addUser: (id: string) => users.add(User.register({ id, email: Email.parse(`${id}@example.com`), passwordHash: 'hash', now: new Date(0) })),
    queuedMails: async () => {
      const rows = await a.query('SELECT recipient, subject, text_body, html_body FROM mail_outbox ORDER BY created_at');
      return rows.map((r: { recipient: string; subject: string; text_body: string; html_body: string }) => ({ to: r.recipient, subject: r.subject, text: r.text_body, html: r.html_body }));
    },
    close: () => a.close(),
    a,
  };
}

// The same promises the in-memory fake keeps (test/unit/fakes/in-memory-account-token-store.test.ts).
describe(`TypeOrmAccountTokenStore (${databaseKind()})`, () => {
  accountTokenStorePromises(underTest);

  describe('rows', () => {
    let a: AdapterDatabase;
    let store: TypeOrmAccountTokenStore;

    beforeEach(async () => {
      const u = await underTest();
      a = u.a;
      store = u.store;
      await u.addUser('user-1');
    });
    afterEach(async () => {
      await a?.close();
    });

    it('stores the SHA-256 of the token, hex, and never the token', async () => {
      const token = 'q7Hk3Jx_0aZ-b9W2c8dEfGhIjKlMnOpQrStUvWxYz12';
      const now = new Date('2025-06-01T12:00:00.000Z');
      await store.issueWithMail({ userId: 'user-1', purpose: 'password_reset', token, expiresAt: new Date(now.getTime() + 60_000), now }, {
        to: 'user-1@example.com',
        subject: 'Reset',
        text: 'no token here',
        html: '<p>no token here</p>',
      });
      const rows = await a.query('SELECT * FROM account_tokens');
      expect(rows.map((r: { token_hash: string }) => r.token_hash)).to.deep.equal([sha256Hex(token)]);
      expect(JSON.stringify(rows)).not.to.include(token);
    });
  });
});
