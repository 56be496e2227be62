import { expect } from 'chai';
import { GetCurrentUser } from '../../../src/application/use-cases/get-current-user.js';
import { Email } from '../../../src/domain/email.js';
import { InvalidAccessToken } from '../../../src/domain/errors.js';
import { User } from '../../../src/domain/user.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { rejectionOf } from '../support/rejection-of.js';

describe('GetCurrentUser', () => {
  let users: InMemoryUserRepository;
  let getCurrentUser: GetCurrentUser;
  let ann: User;

  beforeEach(async () => {
    users = new InMemoryUserRepository();
    getCurrentUser = new GetCurrentUser(users);
    ann = User.register({ id: 'user-1', email: Email.parse('ann@example.com'), passwordHash: 'hash', now: new Date(0) });
    await users.add(ann);
  });

  it("returns the caller's account as stored", async () => {
    expect(await getCurrentUser.execute({ userId: 'user-1', sessionId: 'session-1' })).to.equal(ann);
  });

  it('refuses with InvalidAccessToken when the account is gone', async () => {
    users.delete('user-1');
    const error = await rejectionOf(getCurrentUser.execute({ userId: 'user-1', sessionId: 'session-1' }));
    expect(error).to.be.instanceOf(InvalidAccessToken);
    expect(error).to.have.property('code', 'invalid_access_token');
  });
});
