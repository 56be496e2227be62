import { expect } from 'chai';
import { GetUserOverview } from '../../../src/application/use-cases/get-user-overview.js';
import { ListUsers } from '../../../src/application/use-cases/list-users.js';
import { InvalidPageRequest, UserNotFound } from '../../../src/domain/errors.js';
import { InMemoryUserDirectory } from '../fakes/in-memory-user-directory.js';
import { rejectionOf } from '../support/rejection-of.js';

const account = (n: number, email = `user${n}@example.com`) => ({
  id: `user-${n}`,
  email,
  emailVerified: false,
  mfaEnabled: false,
  createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, Math.floor(n / 2))),
  disabledAt: null,
  lastLoginAt: null,
});

describe('ListUsers', () => {
  const directory = new InMemoryUserDirectory([1, 2, 3, 4, 5].map((n) => account(n)).concat(account(6, 'Bob@example.com')));
  const listUsers = new ListUsers(directory);

  it('answers a page and where the next begins', async () => {
    const page = await listUsers.execute({ emailPrefix: null, limit: 2, after: null });
    expect(page.items.map((item) => item.id)).to.deep.equal(['user-1', 'user-2']);
    expect(page.next).to.deep.equal({ createdAt: account(2).createdAt, id: 'user-2' });
  });

  it('answers no next position on the last page', async () => {
    const page = await listUsers.execute({ emailPrefix: null, after: { createdAt: account(5).createdAt, id: 'user-5' } });
    expect([page.items.map((item) => item.id), page.next]).to.deep.equal([['user-6'], null]);
  });

  it('matches the prefix case-insensitively', async () => {
    expect((await listUsers.execute({ emailPrefix: 'BOB', after: null })).items.map((item) => item.id)).to.deep.equal(['user-6']);
  });

  for (const limit of [0, 101, 2.5, Number.NaN]) {
    it(`refuses a limit of ${limit} with InvalidPageRequest on /limit`, async () => {
      const error = await rejectionOf(listUsers.execute({ emailPrefix: null, limit, after: null }));
      expect(error).to.be.instanceOf(InvalidPageRequest);
      expect((error as InvalidPageRequest).violations.map((v) => v.field)).to.deep.equal(['limit']);
    });
  }

  it('GetUserOverview refuses an unknown id with UserNotFound', async () => {
    expect(await rejectionOf(new GetUserOverview(directory).execute({ userId: 'nobody' }))).to.be.instanceOf(UserNotFound);
  });
});
