import { expect } from 'chai';
import { NewPasswordCheck } from '../../../src/application/services/new-password-check.js';
import { RegisterUser } from '../../../src/application/use-cases/register-user.js';
import { TooManyAttempts } from '../../../src/domain/errors.js';
import { PasswordPolicy } from '../../../src/domain/password.js';
import { CountingAttemptThrottle } from '../fakes/counting-attempt-throttle.js';
import { FakePasswordHasher } from '../fakes/fake-password-hasher.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { SequentialIdGenerator } from '../fakes/sequential-id-generator.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const IP = '198.51.100.4';
const input = { email: 'ann@example.com', password: 'correct horse battery staple', ip: IP };

describe('RegisterUser: attempt throttling', () => {
  let users: InMemoryUserRepository;
  let hasher: FakePasswordHasher;

  const registerUser = (throttle: CountingAttemptThrottle) =>
    new RegisterUser(
      users,
      hasher,
      new NewPasswordCheck(new PasswordPolicy({ minLength: 15, commonPasswords: new Set() }), null),
      new SequentialIdGenerator('user'),
      new FixedClock(NOW),
      throttle,
      new RecordingAuditTrail(),
    );

  beforeEach(() => {
    users = new InMemoryUserRepository();
    hasher = new FakePasswordHasher();
  });

  it('counts the registration once, by the address it came from', async () => {
    const throttle = new CountingAttemptThrottle();
    await registerUser(throttle).execute(input);
    expect(only(throttle.calls)).to.deep.equal({ method: 'beforeRegistration', key: null, ip: IP });
  });

  it('refuses past the limit with TooManyAttempts and its wait', async () => {
    const throttle = new CountingAttemptThrottle({ limit: 0, retryAfterSeconds: 1800 });
    const error = await rejectionOf(registerUser(throttle).execute(input));
    expect(error).to.be.instanceOf(TooManyAttempts);
    expect(error).to.have.property('code', 'too_many_attempts');
    expect(error).to.have.property('retryAfterSeconds', 1800);
  });

  it('stores nothing and hashes nothing past the limit', async () => {
    await rejectionOf(registerUser(new CountingAttemptThrottle({ limit: 0 })).execute(input));
    expect([users.all(), hasher.hashed]).to.deep.equal([[], []]);
  });
});
