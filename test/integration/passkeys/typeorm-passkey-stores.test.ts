import { expect } from 'chai';
import { Email } from '../../../src/domain/email.js';
import { User } from '../../../src/domain/user.js';
import { TypeOrmPasskeyStore } from '../../../src/infrastructure/persistence/typeorm-passkey-store.js';
import { TypeOrmUserRepository } from '../../../src/infrastructure/persistence/typeorm-user-repository.js';
import { TypeOrmWebAuthnChallengeStore } from '../../../src/infrastructure/persistence/typeorm-webauthn-challenge-store.js';
import { passkeyStorePromises } from '../../unit/passkeys/passkey-store-promises.js';
import { openAdapterDatabase } from '../recovery/adapter-database.js';
import { databaseKind } from '../support/test-database.js';

// The same promises the in-memory fakes keep (test/unit/fakes/in-memory-passkey-stores.test.ts).
describe(`TypeOrmPasskeyStore and TypeOrmWebAuthnChallengeStore (${databaseKind()})`, () => {
  passkeyStorePromises(async () => {
    const a = await openAdapterDatabase();
    const users = new TypeOrmUserRepository(a.db);
    return {
      passkeys: new TypeOrmPasskeyStore(a.db),
      challenges: new TypeOrmWebAuthnChallengeStore(a.db),
      addUser: (id: string) => users.add(User.register({ id, email: Email.parse(`${id}@example.com`), passwordHash: 'hash', now: new Date(0) })),
      close: () => a.close(),
    };
  });

  it('stores a challenge only as its SHA-256, and an mfaToken binding only as its SHA-256', async () => {
    const a = await openAdapterDatabase();
    try {
      await new TypeOrmUserRepository(a.db).add(User.register({ id: 'user-1', email: Email.parse('user-1@example.com'), passwordHash: 'hash', now: new Date(0) }));
      const now = new Date();
      await new TypeOrmWebAuthnChallengeStore(a.db).add({ challenge: 'the-challenge', purpose: { kind: 'second_step', userId: 'user-1', mfaToken: 'the-mfa-token' }, expiresAt: new Date(now.getTime() + 60_000), now });
      const text = JSON.stringify(await a.query('SELECT * FROM webauthn_challenges'));
      expect(text).not.to.include('the-challenge');
      expect(text).not.to.include('the-mfa-token');
      expect(text).to.include('second_step');
    } finally {
      await a.close();
    }
  });
});
