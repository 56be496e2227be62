import { expect } from 'chai';
import { LoginCeilingNotice } from '../../../src/application/services/login-ceiling-notice.js';
import { CurrentPasswordCheck } from '../../../src/application/services/current-password-check.js';
import { SessionStarter } from '../../../src/application/services/session-starter.js';
import { LoginUser } from '../../../src/application/use-cases/login-user.js';
import { Email } from '../../../src/domain/email.js';
import { EmailNotVerified, InvalidCredentials } from '../../../src/domain/errors.js';
import { User } from '../../../src/domain/user.js';
import { CountingAttemptThrottle } from '../fakes/counting-attempt-throttle.js';
import { FakeAccessTokenIssuer } from '../fakes/fake-access-token-issuer.js';
import { FakePasswordHasher, fakeHash } from '../fakes/fake-password-hasher.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryAccountTokenStore } from '../fakes/in-memory-account-token-store.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { RecordingSessionStore } from '../fakes/recording-session-store.js';
import { SequentialIdGenerator } from '../fakes/sequential-id-generator.js';
import { SequentialSecretTokenGenerator } from '../fakes/sequential-secret-token-generator.js';
import { secondStepOfNobody } from '../support/no-second-factor.js';
import { rejectionOf } from '../support/rejection-of.js';
import { IP, NOW, OLD_PASSWORD, REGISTERED_AT } from './recovery-fixture.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

const DAY_MS = 86_400_000;

interface Login {
  readonly loginUser: LoginUser;
  readonly sessions: RecordingSessionStore;
}

/** LoginUser over fakes with ann (unverified) and bob (verified), both with OLD_PASSWORD. */
async function login(requireVerifiedEmail: boolean): Promise<Login> {
  const users = new InMemoryUserRepository();
  const register = (id: string, email: string) =>
    User.register({ id, email: Email.parse(email), passwordHash: fakeHash(OLD_PASSWORD), now: REGISTERED_AT });
  await users.add(register('user-1', 'ann@example.com'));
  await users.add(register('user-2', 'bob@example.com').withVerifiedEmail(REGISTERED_AT));
  const sessions = new RecordingSessionStore();
  const audit = new RecordingAuditTrail();
  const hasher = new FakePasswordHasher();
  const clock = new FixedClock(NOW);
  const passwordCheck = new CurrentPasswordCheck(hasher, new CountingAttemptThrottle(), new LoginCeilingNotice(users, new InMemoryAccountTokenStore(), clock, 15 * 60_000), audit);
  const lifetimes = { refreshTokenTtlMs: 14 * DAY_MS, sessionMaxAgeMs: 90 * DAY_MS };
  const starter = new SessionStarter(sessions, new FakeAccessTokenIssuer(), new SequentialSecretTokenGenerator(), new SequentialIdGenerator('session'), clock, lifetimes, users, audit);
  const loginUser = new LoginUser(users, hasher, passwordCheck, starter, secondStepOfNobody(new CountingAttemptThrottle(), clock), audit, { requireVerifiedEmail });
  return { loginUser, sessions };
}

const attempt = (l: Login, email: string, password: string) => l.loginUser.execute({ email, password, userAgent: null, ip: IP });

describe('LoginUser with REQUIRE_VERIFIED_EMAIL', () => {
  let l: Login;

  beforeEach(async () => {
    l = await login(true);
  });

  it('refuses an unverified account with the right password with EmailNotVerified', async () => {
    const error = await rejectionOf(attempt(l, 'ann@example.com', OLD_PASSWORD));
    expect(error).to.be.instanceOf(EmailNotVerified);
    expect(error).to.have.property('code', 'email_not_verified');
  });

  it('starts no session for the unverified account', async () => {
    await rejectionOf(attempt(l, 'ann@example.com', OLD_PASSWORD));
    expect(l.sessions.started).to.deep.equal([]);
  });

  it('refuses an unverified account with a wrong password with InvalidCredentials, never EmailNotVerified', async () => {
    const error = await rejectionOf(attempt(l, 'ann@example.com', `${OLD_PASSWORD}!`));
    expect(error).to.be.instanceOf(InvalidCredentials);
    expect(error).to.have.property('code', 'invalid_credentials');
  });

  it('refuses an unknown address with InvalidCredentials', async () => {
    const error = await rejectionOf(attempt(l, 'nobody@example.com', OLD_PASSWORD));
    expect(error).to.have.property('code', 'invalid_credentials');
  });

  it('logs a verified account in', async () => {
    const result = await attempt(l, 'bob@example.com', OLD_PASSWORD);
    expect(result.userId).to.equal('user-2');
  });
});

describe('LoginUser without REQUIRE_VERIFIED_EMAIL', () => {
  it('logs an unverified account in', async () => {
    const result = await attempt(await login(false), 'ann@example.com', OLD_PASSWORD);
    expect(result.userId).to.equal('user-1');
  });
});
