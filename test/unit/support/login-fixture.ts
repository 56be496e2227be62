import { LoginCeilingNotice } from '../../../src/application/services/login-ceiling-notice.js';
import { CurrentPasswordCheck } from '../../../src/application/services/current-password-check.js';
import { SessionStarter, type SessionLifetimes } from '../../../src/application/services/session-starter.js';
import { LoginUser } from '../../../src/application/use-cases/login-user.js';
import { Email } from '../../../src/domain/email.js';
import { User } from '../../../src/domain/user.js';
import { CountingAttemptThrottle } from '../fakes/counting-attempt-throttle.js';
import { FakeAccessTokenIssuer } from '../fakes/fake-access-token-issuer.js';
import { CURRENT_COST, FakePasswordHasher, fakeHash } from '../fakes/fake-password-hasher.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryAccountTokenStore } from '../fakes/in-memory-account-token-store.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { RecordingSessionStore } from '../fakes/recording-session-store.js';
import { SequentialIdGenerator } from '../fakes/sequential-id-generator.js';
import { SequentialSecretTokenGenerator } from '../fakes/sequential-secret-token-generator.js';
import { secondStepOfNobody } from './no-second-factor.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

const DAY_MS = 86_400_000;
export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const REGISTERED_AT = new Date('2025-01-01T00:00:00.000Z');
export const PASSWORD = 'correct horse battery staple';
export const LIFETIMES: SessionLifetimes = { refreshTokenTtlMs: 14 * DAY_MS, sessionMaxAgeMs: 90 * DAY_MS };
/** LOGIN_FAILURE_WINDOW's default, as the ceiling notice states it. */
export const FAILURE_WINDOW_MS = 15 * 60_000;

export interface LoginFixture {
  /** Every audit event the use cases recorded, in order. */
  readonly audit: RecordingAuditTrail;
  readonly loginUser: LoginUser;
  readonly user: User;
  readonly users: InMemoryUserRepository;
  readonly hasher: FakePasswordHasher;
  readonly sessions: RecordingSessionStore;
  readonly accessTokens: FakeAccessTokenIssuer;
  readonly throttle: CountingAttemptThrottle;
  /** Where the ceiling notice is queued. */
  readonly tokens: InMemoryAccountTokenStore;
}

export interface LoginFixtureOptions {
  readonly password?: string;
  readonly storedCost?: number;
  /** Login attempts the throttle allows per e-mail and address; unlimited by default. */
  readonly attemptLimit?: number;
  /** Login attempts the throttle allows per account from all addresses; unlimited by default. */
  readonly accountLimit?: number;
}

/** LoginUser over fakes, with one account, ann@example.com, whose password is `password`. */
export async function loginFixture(options: LoginFixtureOptions = {}): Promise<LoginFixture> {
  const users = new InMemoryUserRepository();
  const hasher = new FakePasswordHasher(CURRENT_COST);
  const sessions = new RecordingSessionStore();
  const accessTokens = new FakeAccessTokenIssuer();
  const throttle = new CountingAttemptThrottle({ limit: options.attemptLimit, accountLimit: options.accountLimit });
  const tokens = new InMemoryAccountTokenStore();
  const clock = new FixedClock(NOW);
  const user = User.register({
    id: 'user-1',
    email: Email.parse('ann@example.com'),
    passwordHash: fakeHash(options.password ?? PASSWORD, options.storedCost ?? CURRENT_COST),
    now: REGISTERED_AT,
  });
  await users.add(user);
  const audit = new RecordingAuditTrail();
  const loginUser = new LoginUser(
    users,
    hasher,
    new CurrentPasswordCheck(hasher, throttle, new LoginCeilingNotice(users, tokens, clock, FAILURE_WINDOW_MS), audit),
    new SessionStarter(sessions, accessTokens, new SequentialSecretTokenGenerator(), new SequentialIdGenerator('session'), clock, LIFETIMES, users, audit),
    secondStepOfNobody(throttle, clock, audit),
    audit,
  );
  return { audit, loginUser, user, users, hasher, sessions, accessTokens, throttle, tokens };
}
