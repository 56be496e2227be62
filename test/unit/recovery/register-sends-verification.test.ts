import { expect } from 'chai';
import { NewPasswordCheck } from '../../../src/application/services/new-password-check.js';
import { VerificationLinkSender } from '../../../src/application/services/verification-link-sender.js';
import { RegisterUser } from '../../../src/application/use-cases/register-user.js';
import { PasswordPolicy } from '../../../src/domain/password.js';
import { CountingAttemptThrottle } from '../fakes/counting-attempt-throttle.js';
import { FakePasswordHasher } from '../fakes/fake-password-hasher.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryAccountTokenStore } from '../fakes/in-memory-account-token-store.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { SequentialIdGenerator } from '../fakes/sequential-id-generator.js';
import { SequentialSecretTokenGenerator } from '../fakes/sequential-secret-token-generator.js';
import { only } from '../support/only.js';
import { APP_BASE_URL, IP, NOW, OLD_PASSWORD, VERIFICATION_TTL_MS } from './recovery-fixture.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

function registerUser(withLinks: boolean): { registerUser: RegisterUser; tokens: InMemoryAccountTokenStore } {
  const tokens = new InMemoryAccountTokenStore();
  const clock = new FixedClock(NOW);
  const links = new VerificationLinkSender(tokens, new SequentialSecretTokenGenerator(), clock, { appBaseUrl: APP_BASE_URL, ttlMs: VERIFICATION_TTL_MS }, new RecordingAuditTrail());
  const check = new NewPasswordCheck(new PasswordPolicy({ minLength: 15, commonPasswords: new Set() }), null);
  const registerUser = new RegisterUser(
    new InMemoryUserRepository(),
    new FakePasswordHasher(),
    check,
    new SequentialIdGenerator('user'),
    clock,
    new CountingAttemptThrottle(),
    new RecordingAuditTrail(),
    withLinks ? links : null,
  );
  return { registerUser, tokens };
}

describe('RegisterUser and the verification link', () => {
  it('mails a verification link to the new account when it has a link sender (SMTP configured)', async () => {
    const r = registerUser(true);
    await r.registerUser.execute({ email: 'ann@example.com', password: OLD_PASSWORD, ip: IP });
    const mail = only(r.tokens.mails);
    expect([mail.to, mail.text.includes(`${APP_BASE_URL}/verify-email#token=secret-1`)]).to.deep.equal(['ann@example.com', true]);
    expect(only(r.tokens.all())).to.include({ userId: 'user-1', purpose: 'email_verification' });
  });

  it('mails nothing without one', async () => {
    const r = registerUser(false);
    await r.registerUser.execute({ email: 'ann@example.com', password: OLD_PASSWORD, ip: IP });
    expect(r.tokens.mails).to.deep.equal([]);
  });
});
