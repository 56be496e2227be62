import { CurrentPasswordCheck } from '../../../src/application/services/current-password-check.js';
import { LoginCeilingNotice } from '../../../src/application/services/login-ceiling-notice.js';
import { NewPasswordCheck } from '../../../src/application/services/new-password-check.js';
import { PasswordReplacement } from '../../../src/application/services/password-replacement.js';
import { AccountNotice } from '../../../src/application/services/account-notice.js';
import { Reauthentication } from '../../../src/application/services/reauthentication.js';
import { ChangePassword, type ChangePasswordInput } from '../../../src/application/use-cases/change-password.js';
import { Email } from '../../../src/domain/email.js';
import { PasswordPolicy } from '../../../src/domain/password.js';
import { User } from '../../../src/domain/user.js';
import { CountingAttemptThrottle } from '../fakes/counting-attempt-throttle.js';
import { FakePasswordHasher, fakeHash } from '../fakes/fake-password-hasher.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryAccountTokenStore } from '../fakes/in-memory-account-token-store.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { RecordingSessionStore } from '../fakes/recording-session-store.js';
import { secondFactorCheckOfNobody } from './no-second-factor.js';
import { NOW, startSession } from './session-fixture.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

export const REGISTERED_AT = new Date('2025-01-01T00:00:00.000Z');
export const CURRENT_PASSWORD = 'correct horse battery staple';
export const NEW_PASSWORD = 'tr0ub4dor and three more words';
export const IP = '203.0.113.7';
export const input: ChangePasswordInput = {
  principal: { userId: 'user-1', sessionId: 'session-1' },
  currentPassword: CURRENT_PASSWORD,
  newPassword: NEW_PASSWORD,
  ip: IP,
};

export interface ChangePasswordFixture {
  /** Every audit event the use cases recorded, in order. */
  readonly audit: RecordingAuditTrail;
  readonly changePassword: ChangePassword;
  readonly ann: User;
  readonly users: InMemoryUserRepository;
  readonly hasher: FakePasswordHasher;
  readonly sessions: RecordingSessionStore;
  readonly tokens: InMemoryAccountTokenStore;
  readonly throttle: CountingAttemptThrottle;
}

/**
 * ChangePassword over fakes at NOW: ann (user-1, ann@example.com) with sessions 1 and 2 and
 * an unused reset link `reset-ann`, bob (user-2) with session 3 and a reset link `reset-bob`;
 * a policy of at least 15 characters; no breach check.
 */
export async function changePasswordFixture(options: { attemptLimit?: number; accountLimit?: number } = {}): Promise<ChangePasswordFixture> {
  const users = new InMemoryUserRepository();
  const hasher = new FakePasswordHasher();
  const sessions = new RecordingSessionStore();
  const throttle = new CountingAttemptThrottle({ limit: options.attemptLimit, accountLimit: options.accountLimit });
  const ann = User.register({ id: 'user-1', email: Email.parse('ann@example.com'), passwordHash: fakeHash(CURRENT_PASSWORD), now: REGISTERED_AT });
  await users.add(ann);
  await users.add(User.register({ id: 'user-2', email: Email.parse('bob@example.com'), passwordHash: fakeHash('bob'), now: REGISTERED_AT }));
  await startSession(sessions, { id: 'session-1', userId: 'user-1', token: 'refresh-1' });
  await startSession(sessions, { id: 'session-2', userId: 'user-1', token: 'refresh-2' });
  await startSession(sessions, { id: 'session-3', userId: 'user-2', token: 'refresh-3' });
  const tokens = new InMemoryAccountTokenStore();
  for (const [userId, token] of [['user-1', 'reset-ann'], ['user-2', 'reset-bob']] as const) {
    const mail = { to: 'set-up@example.com', subject: 'set-up', text: token, html: token };
    await tokens.issueWithMail({ userId, purpose: 'password_reset', token, expiresAt: new Date(NOW.getTime() + 60_000), now: REGISTERED_AT }, mail);
  }
  const check = new NewPasswordCheck(new PasswordPolicy({ minLength: 15, commonPasswords: new Set() }), null);
  const clock = new FixedClock(NOW);
  const audit = new RecordingAuditTrail();
  const passwordCheck = new CurrentPasswordCheck(hasher, throttle, new LoginCeilingNotice(users, tokens, clock, 15 * 60_000), audit);
  const reauthentication = new Reauthentication(passwordCheck, secondFactorCheckOfNobody(throttle, clock, undefined, audit));
  const changePassword = new ChangePassword(users, hasher, reauthentication, check, new PasswordReplacement(users, sessions, tokens, new AccountNotice(tokens, clock), audit), clock);
  return { audit, changePassword, ann, users, hasher, sessions, tokens, throttle };
}
