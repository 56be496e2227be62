import { expect } from 'chai';
import { Email } from '../../../src/domain/email.js';
import { EmailAlreadyRegistered } from '../../../src/domain/errors.js';
import { User } from '../../../src/domain/user.js';
import { rejectionOf } from '../support/rejection-of.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';

// The fake stands in for the real adapter in every use-case test: it must keep the port's promises.
const userWith = (id: string, email: string) =>
  User.register({ id, email: Email.parse(email), passwordHash: 'hash', now: new Date(0) });

describe('InMemoryUserRepository', () => {
  let users: InMemoryUserRepository;

  beforeEach(() => {
    users = new InMemoryUserRepository();
  });

  it('finds an account by e-mail in any case', async () => {
    await users.add(userWith('user-1', 'Ann@example.com'));
    expect((await users.findByEmail(Email.parse('ANN@EXAMPLE.COM')))?.id).to.equal('user-1');
  });

  it('refuses a second account for the same canonical e-mail with EmailAlreadyRegistered', async () => {
    await users.add(userWith('user-1', 'ann@example.com'));
    const error = await rejectionOf(users.add(userWith('user-2', 'ANN@example.com')));
    expect(error).to.be.instanceOf(EmailAlreadyRegistered);
    expect(error).to.have.property('code', 'email_already_registered');
  });

  it('lets only one of two concurrent adds of one address in', async () => {
    const outcomes = await Promise.allSettled([
      users.add(userWith('user-1', 'ann@example.com')),
      users.add(userWith('user-2', 'Ann@example.com')),
    ]);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled', 'rejected']);
  });

  it('saves a changed account', async () => {
    const user = userWith('user-1', 'ann@example.com');
    await users.add(user);
    await users.update(user.withRehashedPassword('hash-2'));
    expect((await users.findById('user-1'))?.passwordHash).to.equal('hash-2');
  });

  it('answers null for an unknown id', async () => {
    expect(await users.findById('nobody')).to.equal(null);
  });
});
