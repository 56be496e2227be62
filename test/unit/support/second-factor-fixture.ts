import { CurrentPasswordCheck } from '../../../src/application/services/current-password-check.js';
import { LoginCeilingNotice } from '../../../src/application/services/login-ceiling-notice.js';
import { MfaChallengeIssuer } from '../../../src/application/services/mfa-challenge-issuer.js';
import { NewPasswordCheck } from '../../../src/application/services/new-password-check.js';
import { PasswordReplacement } from '../../../src/application/services/password-replacement.js';
import { Reauthentication } from '../../../src/application/services/reauthentication.js';
import { SecondFactorCheck } from '../../../src/application/services/second-factor-check.js';
import { SessionStarter } from '../../../src/application/services/session-starter.js';
import { ChangePassword } from '../../../src/application/use-cases/change-password.js';
import { AccountNotice } from '../../../src/application/services/account-notice.js';
import { EmailChangeLinkSender } from '../../../src/application/services/email-change-link-sender.js';
import { ConfirmEmailChange } from '../../../src/application/use-cases/confirm-email-change.js';
import { RequestEmailChange } from '../../../src/application/use-cases/request-email-change.js';
import { CompleteMfaLogin } from '../../../src/application/use-cases/complete-mfa-login.js';
import { ConfirmTotp } from '../../../src/application/use-cases/confirm-totp.js';
import { DisableTotp } from '../../../src/application/use-cases/disable-totp.js';
import { EnrolTotp } from '../../../src/application/use-cases/enrol-totp.js';
import { LoginUser } from '../../../src/application/use-cases/login-user.js';
import { RegenerateRecoveryCodes } from '../../../src/application/use-cases/regenerate-recovery-codes.js';
import { Email } from '../../../src/domain/email.js';
import { PasswordPolicy } from '../../../src/domain/password.js';
import { User } from '../../../src/domain/user.js';
import { CountingAttemptThrottle } from '../fakes/counting-attempt-throttle.js';
import { FakeAccessTokenIssuer } from '../fakes/fake-access-token-issuer.js';
import { FakePasswordHasher, fakeHash } from '../fakes/fake-password-hasher.js';
import { FakeTotpCalculator } from '../fakes/fake-totp-calculator.js';
import { SettableClock } from '../fakes/settable-clock.js';
import { InMemoryAccountTokenStore } from '../fakes/in-memory-account-token-store.js';
import { InMemoryMfaChallengeStore } from '../fakes/in-memory-mfa-challenge-store.js';
import { InMemorySecondFactorStore } from '../fakes/in-memory-second-factor-store.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { RecordingSecurityEventLog } from '../fakes/recording-security-event-log.js';
import { RecordingSessionStore } from '../fakes/recording-session-store.js';
import { SequentialIdGenerator } from '../fakes/sequential-id-generator.js';
import { SequentialRecoveryCodeGenerator } from '../fakes/sequential-recovery-code-generator.js';
import { SequentialSecretTokenGenerator } from '../fakes/sequential-secret-token-generator.js';
import { startSession } from './session-fixture.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const PASSWORD = 'correct horse battery staple';
export const IP = '203.0.113.7';
export const ISSUER = 'auth-service';
/** The secret of the authenticator activate() sets up, and its unused recovery codes. */
export const ACTIVE_SECRET = 'SECRET9';
export const ACTIVE_RECOVERY_CODES = ['RC09-0001', 'RC09-0002', 'RC09-0003'] as const;
export const ann = { userId: 'user-1', sessionId: 'session-1' } as const;

export interface SecondFactorFixture {
  /** Every audit event the use cases recorded, in order. */
  readonly audit: RecordingAuditTrail;
  readonly users: InMemoryUserRepository;
  readonly sessions: RecordingSessionStore;
  readonly factors: InMemorySecondFactorStore;
  readonly challenges: InMemoryMfaChallengeStore;
  readonly throttle: CountingAttemptThrottle;
  readonly events: RecordingSecurityEventLog;
  readonly accessTokens: FakeAccessTokenIssuer;
  readonly hasher: FakePasswordHasher;
  /** Fixed at NOW until a test moves it. */
  readonly clock: SettableClock;
  readonly enrol: EnrolTotp;
  readonly confirm: ConfirmTotp;
  readonly disable: DisableTotp;
  readonly regenerate: RegenerateRecoveryCodes;
  readonly login: LoginUser;
  readonly completeLogin: CompleteMfaLogin;
  readonly changePassword: ChangePassword;
  /** Links to https://app.example.com, valid 24 hours. */
  readonly requestEmailChange: RequestEmailChange;
  readonly confirmEmailChange: ConfirmEmailChange;
  /** Every mail queued: links and notices. */
  readonly tokens: InMemoryAccountTokenStore;
  /** Ann's TOTP on (ACTIVE_SECRET, ACTIVE_RECOVERY_CODES), as a confirmed enrolment leaves it. */
  activate(): void;
}

export interface SecondFactorFixtureOptions {
  /** MFA_MAX_FAILURES; 5 unless given. */
  readonly maxFailures?: number;
  /** Codes the throttle allows per account; unlimited unless given. */
  readonly secondFactorLimit?: number;
  readonly now?: Date;
}

/**
 * Every second-factor use case over one set of fakes at NOW: ann (user-1, ann@example.com,
 * PASSWORD) with sessions 1 and 2, bob (user-2) with session 3; no factor until activate().
 */
export async function secondFactorFixture(options: SecondFactorFixtureOptions = {}): Promise<SecondFactorFixture> {
  const users = new InMemoryUserRepository();
  const sessions = new RecordingSessionStore();
  const factors = new InMemorySecondFactorStore();
  const challenges = new InMemoryMfaChallengeStore();
  const throttle = new CountingAttemptThrottle({ secondFactorLimit: options.secondFactorLimit });
  const events = new RecordingSecurityEventLog();
  const accessTokens = new FakeAccessTokenIssuer();
  const hasher = new FakePasswordHasher();
  const tokens = new InMemoryAccountTokenStore();
  const clock = new SettableClock(options.now ?? NOW);
  const totp = new FakeTotpCalculator();
  const secrets = new SequentialSecretTokenGenerator();
  const recoveryCodes = new SequentialRecoveryCodeGenerator();
  await users.add(User.register({ id: 'user-1', email: Email.parse('ann@example.com'), passwordHash: fakeHash(PASSWORD), now: new Date(0) }));
  await users.add(User.register({ id: 'user-2', email: Email.parse('bob@example.com'), passwordHash: fakeHash('bob'), now: new Date(0) }));
  await startSession(sessions, { id: 'session-1', userId: 'user-1', token: 'refresh-1' });
  await startSession(sessions, { id: 'session-2', userId: 'user-1', token: 'refresh-2' });
  await startSession(sessions, { id: 'session-3', userId: 'user-2', token: 'refresh-3' });
  const audit = new RecordingAuditTrail();
  const passwordCheck = new CurrentPasswordCheck(hasher, throttle, new LoginCeilingNotice(users, tokens, clock, 15 * 60_000), audit);
  const secondFactor = new SecondFactorCheck(factors, totp, throttle, events, clock, audit);
  const reauthentication = new Reauthentication(passwordCheck, secondFactor);
  const starter = new SessionStarter(sessions, accessTokens, secrets, new SequentialIdGenerator('new-session'), clock, { refreshTokenTtlMs: 86_400_000, sessionMaxAgeMs: 86_400_000 }, users, audit);
  const notices = new AccountNotice(tokens, clock);
  const emailChangeLinks = new EmailChangeLinkSender(tokens, secrets, clock, { appBaseUrl: 'https://app.example.com', ttlMs: 24 * 3_600_000 }, audit);
  const policy = new NewPasswordCheck(new PasswordPolicy({ minLength: 15, commonPasswords: new Set() }), null);
  return {
    audit,
    users,
    sessions,
    factors,
    challenges,
    throttle,
    events,
    accessTokens,
    hasher,
    clock,
    enrol: new EnrolTotp(users, passwordCheck, factors, totp, clock, ISSUER),
    confirm: new ConfirmTotp(users, factors, totp, throttle, recoveryCodes, sessions, clock, notices, audit),
    disable: new DisableTotp(users, reauthentication, factors, notices, audit),
    regenerate: new RegenerateRecoveryCodes(users, reauthentication, factors, recoveryCodes, clock, audit),
    login: new LoginUser(users, hasher, passwordCheck, starter, new MfaChallengeIssuer(secondFactor, challenges, secrets, clock, audit), audit),
    completeLogin: new CompleteMfaLogin(challenges, users, secondFactor, starter, clock, options.maxFailures ?? 5, audit),
    changePassword: new ChangePassword(users, hasher, reauthentication, policy, new PasswordReplacement(users, sessions, tokens, notices, audit), clock),
    requestEmailChange: new RequestEmailChange(users, reauthentication, throttle, emailChangeLinks),
    confirmEmailChange: new ConfirmEmailChange(users, tokens, clock, audit),
    tokens,
    activate: () => factors.activate('user-1', ACTIVE_SECRET, ACTIVE_RECOVERY_CODES.map((code) => code.replace('-', ''))),
  };
}
