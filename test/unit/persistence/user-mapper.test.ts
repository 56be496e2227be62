import { expect } from 'chai';
import { toUser, toUserRecord } from '../../../src/infrastructure/persistence/user-mapper.js';
import type { UserRecord } from '../../../src/infrastructure/persistence/user-record.js';

const storedWith = (email: string, emailCanonical: string): UserRecord => ({
  id: 'user-1',
  email,
  emailCanonical,
  passwordHash: 'hash',
  emailVerifiedAt: null,
  passwordChangedAt: new Date(0),
  createdAt: new Date(0),
  disabledAt: null,
  lastLoginAt: null,
});

// An account registered under an older, looser rule must stay readable (and able to log in)
// when the parser becomes stricter: a stored address is rebuilt, never parsed again.
describe('user-mapper', () => {
  const accepted = ['a single-label domain', 'Ann@localhost', 'ann@localhost'] as const;
  const invisible = ['a zero-width space', 'a\u200bb@example.com', 'a\u200bb@example.com'] as const;
  const tooLong = ['a local part of 66 bytes', `${'é'.repeat(33)}@example.com`, `${'é'.repeat(33)}@example.com`] as const;

  for (const [what, email, canonical] of [accepted, invisible, tooLong]) {
    it(`loads a stored address today's parser would refuse (${what}) as it was stored`, () => {
      const user = toUser(storedWith(email, canonical));
      expect([user.email.value, user.email.canonical]).to.deep.equal([email, canonical]);
    });
  }

  it('keeps the stored canonical form, so that the row is written back unchanged', () => {
    const record = storedWith('Ann@Example.com', 'ann@example.com');
    expect(toUserRecord(toUser(record))).to.deep.equal(record);
  });
});
