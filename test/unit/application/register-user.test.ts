import { expect } from 'chai';
import { RegisterUser } from '../../../src/application/use-cases/register-user.js';
import { NewPasswordCheck } from '../../../src/application/services/new-password-check.js';
import { EmailAlreadyRegistered, InvalidEmail, PasswordPolicyViolation } from '../../../src/domain/errors.js';
import { PasswordPolicy } from '../../../src/domain/password.js';
import { CountingAttemptThrottle } from '../fakes/counting-attempt-throttle.js';
import { FakePasswordHasher, fakeHash } from '../fakes/fake-password-hasher.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { SequentialIdGenerator } from '../fakes/sequential-id-generator.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
const IP = '198.51.100.4';

describe('RegisterUser', () => {
  let users: InMemoryUserRepository;
  let hasher: FakePasswordHasher;
  let registerUser: RegisterUser;
  let audit: RecordingAuditTrail;

  beforeEach(() => {
    users = new InMemoryUserRepository();
    hasher = new FakePasswordHasher();
    const policy = new PasswordPolicy({ minLength: 15, commonPasswords: new Set() });
    const throttle = new CountingAttemptThrottle();
    const passwordCheck = new NewPasswordCheck(policy, null);
    registerUser = new RegisterUser(users, hasher, passwordCheck, new SequentialIdGenerator('user'), new FixedClock(NOW), throttle, (audit = new RecordingAuditTrail()));
  });

  it('records user.registered for the new account, without its address', async () => {
    await registerUser.execute({ email: 'Ann@Example.com', password: PASSWORD, ip: IP });
    expect(audit.events).to.deep.equal([{ type: 'user.registered', userId: 'user-1', details: { by: 'self', emailVerified: false } }]);
  });

  it('records nothing for a registration refused as taken', async () => {
    await registerUser.execute({ email: 'ann@example.com', password: PASSWORD, ip: IP });
    await registerUser.execute({ email: 'ANN@example.com', password: PASSWORD, ip: IP }).catch(() => undefined);
    expect(audit.types()).to.deep.equal(['user.registered']);
  });

  it('stores one user with the new id and the e-mail as given', async () => {
    await registerUser.execute({ email: 'Ann@Example.com', password: PASSWORD, ip: IP });
    const stored = only(users.all());
    expect([stored.id, stored.email.value]).to.deep.equal(['user-1', 'Ann@example.com']);
  });

  it('stores the hash of the password, not the password', async () => {
    await registerUser.execute({ email: 'ann@example.com', password: PASSWORD, ip: IP });
    const stored = only(users.all());
    expect(stored.passwordHash).to.equal(fakeHash(PASSWORD));
    expect(stored.passwordHash).not.to.equal(PASSWORD);
  });

  it('hashes the NFKC form of the password', async () => {
    await registerUser.execute({ email: 'ann@example.com', password: 'ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ', ip: IP });
    expect(hasher.hashed).to.deep.equal(['correct horse battery']);
  });

  it('returns the new account, created now and unverified', async () => {
    const user = await registerUser.execute({ email: 'ann@example.com', password: PASSWORD, ip: IP });
    expect([user.id, user.createdAt.getTime(), user.emailVerified]).to.deep.equal(['user-1', NOW.getTime(), false]);
  });

  it('refuses an address already registered in another case with EmailAlreadyRegistered', async () => {
    await registerUser.execute({ email: 'ann@example.com', password: PASSWORD, ip: IP });
    const error = await rejectionOf(registerUser.execute({ email: 'ANN@Example.COM', password: `${PASSWORD}!`, ip: IP }));
    expect(error).to.be.instanceOf(EmailAlreadyRegistered);
    expect(error).to.have.property('code', 'email_already_registered');
  });

  it('keeps one account after a duplicate registration', async () => {
    await registerUser.execute({ email: 'ann@example.com', password: PASSWORD, ip: IP });
    await rejectionOf(registerUser.execute({ email: 'ANN@Example.COM', password: `${PASSWORD}!`, ip: IP }));
    expect(only(users.all()).passwordHash).to.equal(fakeHash(PASSWORD));
  });

  it('refuses a known address before spending a hash on it', async () => {
    await registerUser.execute({ email: 'ann@example.com', password: PASSWORD, ip: IP });
    await rejectionOf(registerUser.execute({ email: 'ANN@Example.COM', password: `${PASSWORD}!`, ip: IP }));
    expect(hasher.hashed).to.deep.equal([PASSWORD]);
  });

  it('lets only one of two concurrent registrations of an address win', async () => {
    const outcomes = await Promise.allSettled([
      registerUser.execute({ email: 'ann@example.com', password: PASSWORD, ip: IP }),
      registerUser.execute({ email: 'Ann@example.com', password: PASSWORD, ip: IP }),
    ]);
    const refusal = only(outcomes.filter((o) => o.status === 'rejected'));
    expect(refusal.reason).to.be.instanceOf(EmailAlreadyRegistered);
    expect(users.all()).to.have.lengthOf(1);
  });

  it('refuses a password that breaks the policy with every violation code', async () => {
    const error = await rejectionOf(registerUser.execute({ email: 'ann@example.com', password: 'ann', ip: IP }));
    expect(error).to.be.instanceOf(PasswordPolicyViolation);
    expect(error).to.have.property('code', 'password_policy');
    expect((error as PasswordPolicyViolation).violations.map((v) => v.code)).to.deep.equal(['too_short', 'contains_email']);
  });

  it('stores nothing and hashes nothing when the policy refuses', async () => {
    await rejectionOf(registerUser.execute({ email: 'ann@example.com', password: 'short', ip: IP }));
    expect(users.all()).to.deep.equal([]);
    expect(hasher.hashed).to.deep.equal([]);
  });

  it('refuses a malformed address with InvalidEmail and stores nothing', async () => {
    const error = await rejectionOf(registerUser.execute({ email: 'ann.example.com', password: PASSWORD, ip: IP }));
    expect(error).to.be.instanceOf(InvalidEmail);
    expect(error).to.have.property('code', 'invalid_email');
    expect(users.all()).to.deep.equal([]);
  });
});
