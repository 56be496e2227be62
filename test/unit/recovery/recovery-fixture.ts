import { NewPasswordCheck } from '../../../src/application/services/new-password-check.js';
import { PasswordReplacement } from '../../../src/application/services/password-replacement.js';
import { AccountNotice } from '../../../src/application/services/account-notice.js';
import { VerificationLinkSender } from '../../../src/application/services/verification-link-sender.js';
import { RequestEmailVerification } from '../../../src/application/use-cases/request-email-verification.js';
import { RequestPasswordReset } from '../../../src/application/use-cases/request-password-reset.js';
import { ResolvePasswordResetRequests } from '../../../src/application/use-cases/resolve-password-reset-requests.js';
import { ResetPassword } from '../../../src/application/use-cases/reset-password.js';
import { VerifyEmail } from '../../../src/application/use-cases/verify-email.js';
import type { AccountTokenPurpose } from '../../../src/domain/account-token-purpose.js';
import { Email } from '../../../src/domain/email.js';
import { PasswordPolicy } from '../../../src/domain/password.js';
import { User } from '../../../src/domain/user.js';
import { SecondFactorCheck } from '../../../src/application/services/second-factor-check.js';
import { CountingAttemptThrottle } from '../fakes/counting-attempt-throttle.js';
import { FakeTotpCalculator } from '../fakes/fake-totp-calculator.js';
import { InMemorySecondFactorStore } from '../fakes/in-memory-second-factor-store.js';
import { RecordingSecurityEventLog } from '../fakes/recording-security-event-log.js';
import { FakePasswordHasher, fakeHash } from '../fakes/fake-password-hasher.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryAccountTokenStore } from '../fakes/in-memory-account-token-store.js';
import { InMemoryPasswordResetRequests } from '../fakes/in-memory-password-reset-requests.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { RecordingSessionStore } from '../fakes/recording-session-store.js';
import { SequentialSecretTokenGenerator } from '../fakes/sequential-secret-token-generator.js';
import { startSession } from '../support/session-fixture.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const REGISTERED_AT = new Date('2025-01-01T00:00:00.000Z');
export const APP_BASE_URL = 'https://app.example.com';
/** The contract's defaults: PASSWORD_RESET_TTL 30m, EMAIL_VERIFICATION_TTL 24h. */
export const RESET_TTL_MS = 30 * 60_000;
export const VERIFICATION_TTL_MS = 24 * 3_600_000;
export const OLD_PASSWORD = 'correct horse battery staple';
export const NEW_PASSWORD = 'tr0ub4dor and three more words';
export const IP = '203.0.113.7';
export const RESOLUTION_BATCH = 20;

/** A moment relative to NOW. */
export const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

export interface RecoveryFixture {
  /** Every audit event the use cases recorded, in order. */
  readonly audit: RecordingAuditTrail;
  /** user-1, Ann@example.com, unverified, sessions 1 and 2. */
  readonly ann: User;
  /** user-2, bob@example.com, verified at REGISTERED_AT, session 3. */
  readonly bob: User;
  readonly users: InMemoryUserRepository;
  readonly tokens: InMemoryAccountTokenStore;
  readonly hasher: FakePasswordHasher;
  readonly sessions: RecordingSessionStore;
  readonly throttle: CountingAttemptThrottle;
  readonly links: VerificationLinkSender;
  readonly resetRequests: InMemoryPasswordResetRequests;
  readonly requestReset: RequestPasswordReset;
  /** One background round over the reset requests, at most RESOLUTION_BATCH of them. */
  readonly resolveResets: ResolvePasswordResetRequests;
  readonly resetPassword: ResetPassword;
  readonly requestVerification: RequestEmailVerification;
  readonly verifyEmail: VerifyEmail;
  /** Nobody has a second factor until a test activates one here. */
  readonly factors: InMemorySecondFactorStore;
  readonly events: RecordingSecurityEventLog;
}

/**
 * The four recovery use cases over one set of fakes, clock fixed at NOW; secrets are
 * `secret-1`, `secret-2`, … in order; a policy of at least 15 characters, no breach check.
 */
export async function recoveryFixture(options: { attemptLimit?: number } = {}): Promise<RecoveryFixture> {
  const users = new InMemoryUserRepository();
  const tokens = new InMemoryAccountTokenStore();
  const hasher = new FakePasswordHasher();
  const sessions = new RecordingSessionStore();
  const throttle = new CountingAttemptThrottle({ limit: options.attemptLimit, retryAfterSeconds: 120 });
  const secrets = new SequentialSecretTokenGenerator();
  const clock = new FixedClock(NOW);
  const ann = User.register({ id: 'user-1', email: Email.parse('Ann@Example.com'), passwordHash: fakeHash(OLD_PASSWORD), now: REGISTERED_AT });
  const bob = User.register({ id: 'user-2', email: Email.parse('bob@example.com'), passwordHash: fakeHash('bob'), now: REGISTERED_AT }).withVerifiedEmail(
    REGISTERED_AT,
  );
  await users.add(ann);
  await users.add(bob);
  await startSession(sessions, { id: 'session-1', userId: 'user-1', token: 'refresh-1' });
  await startSession(sessions, { id: 'session-2', userId: 'user-1', token: 'refresh-2' });
  await startSession(sessions, { id: 'session-3', userId: 'user-2', token: 'refresh-3' });
  const check = new NewPasswordCheck(new PasswordPolicy({ minLength: 15, commonPasswords: new Set() }), null);
  const audit = new RecordingAuditTrail();
  const links = new VerificationLinkSender(tokens, secrets, clock, { appBaseUrl: APP_BASE_URL, ttlMs: VERIFICATION_TTL_MS }, audit);
  const resetRequests = new InMemoryPasswordResetRequests(tokens);
  const resetSettings = { appBaseUrl: APP_BASE_URL, ttlMs: RESET_TTL_MS };
  const factors = new InMemorySecondFactorStore();
  const events = new RecordingSecurityEventLog();
  const secondFactor = new SecondFactorCheck(factors, new FakeTotpCalculator(), throttle, events, clock, audit);
  return {
    ann,
    bob,
    users,
    tokens,
    hasher,
    sessions,
    throttle,
    links,
    resetRequests,
    requestReset: new RequestPasswordReset(resetRequests, throttle, clock),
    resolveResets: new ResolvePasswordResetRequests(resetRequests, users, secrets, clock, { ...resetSettings, batchSize: RESOLUTION_BATCH }, audit),
    resetPassword: new ResetPassword(users, tokens, hasher, check, new PasswordReplacement(users, sessions, tokens, new AccountNotice(tokens, clock), audit), clock, throttle, secondFactor),
    requestVerification: new RequestEmailVerification(users, links, throttle),
    verifyEmail: new VerifyEmail(users, tokens, clock, audit),
    factors,
    events,
    audit,
  };
}

/** Set-up: a token for `userId` as an earlier request left it, issued at `issuedAt` (an hour ago by default). */
export async function tokenIssued(
  f: RecoveryFixture,
  token: string,
  options: { userId?: string; purpose?: AccountTokenPurpose; issuedAt?: Date; expiresAt?: Date } = {},
): Promise<string> {
  const issuedAt = options.issuedAt ?? at(-3_600_000);
  await f.tokens.issueWithMail(
    {
      userId: options.userId ?? 'user-1',
      purpose: options.purpose ?? 'password_reset',
      token,
      expiresAt: options.expiresAt ?? at(RESET_TTL_MS),
      now: issuedAt,
    },
    { to: 'set-up@example.com', subject: 'set-up', text: token, html: token },
  );
  return token;
}
