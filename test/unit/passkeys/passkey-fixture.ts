import { PasskeyAssertionCheck } from '../../../src/application/services/passkey-assertion-check.js';
import { AccountNotice } from '../../../src/application/services/account-notice.js';
import { CurrentPasswordCheck } from '../../../src/application/services/current-password-check.js';
import { LoginCeilingNotice } from '../../../src/application/services/login-ceiling-notice.js';
import { MfaChallengeIssuer } from '../../../src/application/services/mfa-challenge-issuer.js';
import { Reauthentication } from '../../../src/application/services/reauthentication.js';
import { SecondFactorCheck } from '../../../src/application/services/second-factor-check.js';
import { SessionStarter } from '../../../src/application/services/session-starter.js';
import { AddPasskey } from '../../../src/application/use-cases/add-passkey.js';
import { BeginPasskeyLogin } from '../../../src/application/use-cases/begin-passkey-login.js';
import { BeginPasskeyRegistration } from '../../../src/application/use-cases/begin-passkey-registration.js';
import { BeginPasskeySecondStep } from '../../../src/application/use-cases/begin-passkey-second-step.js';
import { CompleteMfaLogin } from '../../../src/application/use-cases/complete-mfa-login.js';
import { ListPasskeys } from '../../../src/application/use-cases/list-passkeys.js';
import { LoginUser } from '../../../src/application/use-cases/login-user.js';
import { LoginWithPasskey } from '../../../src/application/use-cases/login-with-passkey.js';
import { RemovePasskey } from '../../../src/application/use-cases/remove-passkey.js';
import { Email } from '../../../src/domain/email.js';
import { User } from '../../../src/domain/user.js';
import { CountingAttemptThrottle } from '../fakes/counting-attempt-throttle.js';
import { FakeAccessTokenIssuer } from '../fakes/fake-access-token-issuer.js';
import { FakePasswordHasher, fakeHash } from '../fakes/fake-password-hasher.js';
import { FakeTotpCalculator } from '../fakes/fake-totp-calculator.js';
import { FakeWebAuthnVerifier } from '../fakes/fake-webauthn-verifier.js';
import { InMemoryAccountTokenStore } from '../fakes/in-memory-account-token-store.js';
import { InMemoryMfaChallengeStore } from '../fakes/in-memory-mfa-challenge-store.js';
import { InMemoryPasskeyStore } from '../fakes/in-memory-passkey-store.js';
import { InMemorySecondFactorStore } from '../fakes/in-memory-second-factor-store.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { InMemoryWebAuthnChallengeStore } from '../fakes/in-memory-webauthn-challenge-store.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';
import { RecordingSecurityEventLog } from '../fakes/recording-security-event-log.js';
import { RecordingSessionStore } from '../fakes/recording-session-store.js';
import { SequentialIdGenerator } from '../fakes/sequential-id-generator.js';
import { SequentialSecretTokenGenerator } from '../fakes/sequential-secret-token-generator.js';
import { SettableClock } from '../fakes/settable-clock.js';

export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const PASSWORD = 'correct horse battery staple';
export const IP = '203.0.113.7';
export const client = { userAgent: 'Firefox/140', ip: IP };
export const ann = { userId: 'user-1', sessionId: 'session-1' } as const;
export const bob = { userId: 'user-2', sessionId: 'session-3' } as const;

/** Every passkey use case over one set of fakes at NOW: ann (user-1, PASSWORD) and bob (user-2, 'bob'), no factor yet. */
export async function passkeyFixture(options: { requireVerifiedEmail?: boolean; loginLimit?: number } = {}) {
  const users = new InMemoryUserRepository();
  const sessions = new RecordingSessionStore();
  const factors = new InMemorySecondFactorStore();
  const mfaChallenges = new InMemoryMfaChallengeStore();
  const throttle = new CountingAttemptThrottle({ limit: options.loginLimit });
  const events = new RecordingSecurityEventLog();
  const accessTokens = new FakeAccessTokenIssuer();
  const hasher = new FakePasswordHasher();
  const tokens = new InMemoryAccountTokenStore();
  const clock = new SettableClock(NOW);
  const secrets = new SequentialSecretTokenGenerator();
  const passkeys = new InMemoryPasskeyStore();
  const challenges = new InMemoryWebAuthnChallengeStore();
  const verifier = new FakeWebAuthnVerifier();
  const audit = new RecordingAuditTrail();
  await users.add(User.register({ id: 'user-1', email: Email.parse('ann@example.com'), passwordHash: fakeHash(PASSWORD), now: new Date(0) }));
  await users.add(User.register({ id: 'user-2', email: Email.parse('bob@example.com'), passwordHash: fakeHash('bob'), now: new Date(0) }));
  const passwordCheck = new CurrentPasswordCheck(hasher, throttle, new LoginCeilingNotice(users, tokens, clock, 15 * 60_000), audit);
  const secondFactor = new SecondFactorCheck(factors, new FakeTotpCalculator(), throttle, events, clock, audit);
  const reauthentication = new Reauthentication(passwordCheck, secondFactor);
  const starter = new SessionStarter(sessions, accessTokens, secrets, new SequentialIdGenerator('new-session'), clock, { refreshTokenTtlMs: 86_400_000, sessionMaxAgeMs: 86_400_000 }, users, audit);
  const notices = new AccountNotice(tokens, clock);
  const assertions = new PasskeyAssertionCheck(verifier, challenges, passkeys, events, clock, audit);
  const settings = { requireVerifiedEmail: options.requireVerifiedEmail };
  return {
    users,
    sessions,
    throttle,
    events,
    audit,
    accessTokens,
    tokens,
    clock,
    passkeys,
    challenges,
    factors,
    mfaChallenges,
    beginRegistration: new BeginPasskeyRegistration(users, reauthentication, passkeys, challenges, verifier, secrets, clock),
    add: new AddPasskey(users, passkeys, challenges, verifier, notices, clock, audit),
    list: new ListPasskeys(users, passkeys),
    remove: new RemovePasskey(users, reauthentication, passkeys, notices, audit),
    beginLogin: new BeginPasskeyLogin(throttle, challenges, verifier, clock),
    login: new LoginWithPasskey(users, throttle, assertions, starter, audit, settings),
    passwordLogin: new LoginUser(users, hasher, passwordCheck, starter, new MfaChallengeIssuer(secondFactor, mfaChallenges, secrets, clock, audit, passkeys), audit, settings),
    beginSecondStep: new BeginPasskeySecondStep(mfaChallenges, passkeys, challenges, verifier, clock, 5),
    completeMfaLogin: new CompleteMfaLogin(mfaChallenges, users, secondFactor, starter, clock, 5, audit, assertions),
  };
}

export type PasskeyFixture = Awaited<ReturnType<typeof passkeyFixture>>;

/** Ann registers the passkey `credentialId` (options with her password, then the response). */
export async function registerPasskey(f: PasskeyFixture, credentialId: string, principal: { userId: string; sessionId: string } = ann, password = PASSWORD) {
  const options = await f.beginRegistration.execute({ principal, currentPassword: password, ...client });
  return f.add.execute({ principal, name: `key ${credentialId}`, response: { challenge: options.challenge as string, credentialId } });
}
