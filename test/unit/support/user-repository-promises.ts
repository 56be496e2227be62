import { expect } from 'chai';
import type { UserRepository } from '../../../src/application/ports/user-repository.js';
import { Email } from '../../../src/domain/email.js';
import { EmailAlreadyRegistered } from '../../../src/domain/errors.js';
import { User } from '../../../src/domain/user.js';
import { rejectionOf } from './rejection-of.js';

/** A UserRepository to hold to the port's promises, with what the suite needs around it. */
export interface UserRepositoryUnderTest {
  readonly users: UserRepository;
  close(): Promise<void>;
}

// Times with milliseconds, so that a column or a mapping that rounds to whole seconds, or hands a
// BIGINT back as text (pg does), shows.
const REGISTERED_AT = new Date('2025-06-01T12:00:00.123Z');
const userWith = (id: string, email: string, now = REGISTERED_AT) => User.register({ id, email: Email.parse(email), passwordHash: `hash-of-${id}`, now });

/** What the port promises about an account, as plain values to compare. */
function factsOf(user: User | null) {
  return user && {
    id: user.id,
    email: user.email.value,
    canonical: user.email.canonical,
    passwordHash: user.passwordHash,
    emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
    passwordChangedAt: user.passwordChangedAt.toISOString(),
    createdAt: user.createdAt.toISOString(),
  };
}

/**
 * The promises of the UserRepository port, as one suite that the in-memory fake and the
 * TypeORM adapter (on SQLite, MariaDB and PostgreSQL) must all pass: a fake that disagrees
 * with the adapter fails here, not in a use-case test that trusted it.
 */
export function userRepositoryPromises(make: () => Promise<UserRepositoryUnderTest>): void {
  let s: UserRepositoryUnderTest;
  beforeEach(async () => {
    s = await make();
  });
  afterEach(async () => {
    await s?.close();
  });

  it('finds an account by e-mail in any case', async () => {
    await s.users.add(userWith('user-1', 'Ann@example.com'));
    expect((await s.users.findByEmail(Email.parse('ANN@EXAMPLE.COM')))?.id).to.equal('user-1');
  });

  it('gives an account back as it was added, times to the millisecond and the address as typed', async () => {
    const user = userWith('user-1', 'Ann.Lee@Example.com');
    await s.users.add(user);
    expect([factsOf(await s.users.findById('user-1')), factsOf(await s.users.findByEmail(Email.parse('ann.lee@example.com')))]).to.deep.equal([
      factsOf(user),
      factsOf(user),
    ]);
  });

  it('refuses a second account for the same canonical e-mail with EmailAlreadyRegistered', async () => {
    await s.users.add(userWith('user-1', 'ann@example.com'));
    const error = await rejectionOf(s.users.add(userWith('user-2', 'ANN@example.com')));
    expect(error).to.be.instanceOf(EmailAlreadyRegistered);
    expect(error).to.have.property('code', 'email_already_registered');
  });

  it('lets exactly one of 20 concurrent adds of one address in, refusing the others with EmailAlreadyRegistered', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => s.users.add(userWith(`user-${n}`, n % 2 ? 'Ann@example.com' : 'ann@example.com'))));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.lengthOf(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).to.be.instanceOf(EmailAlreadyRegistered);
  });

  it('tells apart addresses that differ only by an accent', async () => {
    await s.users.add(userWith('user-1', 'kevin@example.com'));
    await s.users.add(userWith('user-2', 'kévin@example.com'));
    expect([(await s.users.findByEmail(Email.parse('kévin@example.com')))?.id, await s.users.findByEmail(Email.parse('kęvin@example.com'))]).to.deep.equal(['user-2', null]);
  });

  it('saves a changed account: password, its change time and verification', async () => {
    const user = userWith('user-1', 'ann@example.com');
    await s.users.add(user);
    const changed = user.withChangedPassword('hash-2', new Date('2025-06-02T08:00:00.456Z')).withVerifiedEmail(new Date('2025-06-02T09:00:00.789Z'));
    await s.users.update(changed);
    expect(factsOf(await s.users.findById('user-1'))).to.deep.equal(factsOf(changed));
  });

  it('saves a new e-mail address, verified, and frees the old one at once', async () => {
    const user = userWith('user-1', 'ann@example.com');
    await s.users.add(user);
    const changed = user.withChangedEmail(Email.parse('Ann.New@Example.com'), new Date('2025-06-02T08:00:00.456Z'));
    await s.users.update(changed);
    await s.users.add(userWith('user-2', 'ann@example.com'));
    expect([factsOf(await s.users.findByEmail(Email.parse('ann.new@example.com'))), (await s.users.findByEmail(Email.parse('ann@example.com')))?.id]).to.deep.equal([
      factsOf(changed),
      'user-2',
    ]);
  });

  it('refuses to move an account to an address another account holds with EmailAlreadyRegistered, changing nothing', async () => {
    const ann = userWith('user-1', 'ann@example.com');
    await s.users.add(ann);
    await s.users.add(userWith('user-2', 'bob@example.com'));
    const error = await rejectionOf(s.users.update(ann.withChangedEmail(Email.parse('BOB@example.com'), new Date('2025-06-02T08:00:00.000Z'))));
    expect(error).to.be.instanceOf(EmailAlreadyRegistered);
    expect([factsOf(await s.users.findById('user-1')), (await s.users.findByEmail(Email.parse('bob@example.com')))?.id]).to.deep.equal([factsOf(ann), 'user-2']);
  });

  it('lets exactly one of two accounts racing for one address have it', async () => {
    const ann = userWith('user-1', 'ann@example.com');
    const bob = userWith('user-2', 'bob@example.com');
    await s.users.add(ann);
    await s.users.add(bob);
    const to = Email.parse('shared@example.com');
    const outcomes = await Promise.allSettled([ann, bob].map((u) => s.users.update(u.withChangedEmail(to, REGISTERED_AT))));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.lengthOf(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).to.be.instanceOf(EmailAlreadyRegistered);
  });

  it('answers null for an unknown id or e-mail', async () => {
    expect([await s.users.findById('nobody'), await s.users.findByEmail(Email.parse('nobody@example.com'))]).to.deep.equal([null, null]);
  });
}
