import { expect } from 'chai';
import { GetCurrentUser } from '../../../src/application/use-cases/get-current-user.js';
import { Email } from '../../../src/domain/email.js';
import { InvalidAccessToken } from '../../../src/domain/errors.js';
import { User } from '../../../src/domain/user.js';
import { InMemorySecondFactorStore } from '../fakes/in-memory-second-factor-store.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { rejectionOf } from '../support/rejection-of.js';

describe('GetCurrentUser', () => {
  let users: InMemoryUserRepository;
  let getCurrentUser: GetCurrentUser;
  let ann: User;
  let factors: InMemorySecondFactorStore;

  beforeEach(async () => {
    users = new InMemoryUserRepository();
    factors = new InMemorySecondFactorStore();
    getCurrentUser = new GetCurrentUser(users, factors);
    ann = User.register({ id: 'user-1', email: Email.parse('ann@example.com'), passwordHash: 'hash', now: new Date(0) });
    await users.add(ann);
  });

  it("returns the caller's account as stored", async () => {
    expect(await getCurrentUser.execute({ userId: 'user-1', sessionId: 'session-1' })).to.deep.equal({ user: ann, mfaEnabled: false });
  });

  it('says whether the account has TOTP on (an unconfirmed enrolment is not)', async () => {
    await factors.enrolTotp('user-1', 'SECRET1', new Date(0));
    const unconfirmed = (await getCurrentUser.execute({ userId: 'user-1', sessionId: 'session-1' })).mfaEnabled;
    factors.activate('user-1', 'SECRET1');
    expect([unconfirmed, (await getCurrentUser.execute({ userId: 'user-1', sessionId: 'session-1' })).mfaEnabled]).to.deep.equal([false, true]);
  });

  it('refuses with InvalidAccessToken when the account is gone', async () => {
    users.delete('user-1');
    const error = await rejectionOf(getCurrentUser.execute({ userId: 'user-1', sessionId: 'session-1' }));
    expect(error).to.be.instanceOf(InvalidAccessToken);
    expect(error).to.have.property('code', 'invalid_access_token');
  });
});
