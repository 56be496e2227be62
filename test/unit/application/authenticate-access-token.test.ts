import { expect } from 'chai';
import { PasswordReplacement } from '../../../src/application/services/password-replacement.js';
import { AccountNotice } from '../../../src/application/services/account-notice.js';
import { AuthenticateAccessToken } from '../../../src/application/use-cases/authenticate-access-token.js';
import { Email } from '../../../src/domain/email.js';
import { InvalidAccessToken } from '../../../src/domain/errors.js';
import { User } from '../../../src/domain/user.js';
import { FakeAccessTokenVerifier } from '../fakes/fake-access-token-verifier.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryAccountTokenStore } from '../fakes/in-memory-account-token-store.js';
import { InMemoryBearerSessionLookup } from '../fakes/in-memory-bearer-session-lookup.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { RecordingSessionStore } from '../fakes/recording-session-store.js';
import { rejectionOf } from '../support/rejection-of.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

const PASSWORD_CHANGED_AT = new Date('2025-06-01T12:00:00.500Z');
const at = (offsetMs: number) => new Date(PASSWORD_CHANGED_AT.getTime() + offsetMs);
const NOW = at(60_000);
const DAY_MS = 86_400_000;

async function expectInvalidAccessToken(promise: Promise<unknown>): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(InvalidAccessToken);
  expect(error).to.have.property('code', 'invalid_access_token');
}

describe('AuthenticateAccessToken', () => {
  let users: InMemoryUserRepository;
  let verifier: FakeAccessTokenVerifier;
  let sessions: RecordingSessionStore;
  let authenticate: AuthenticateAccessToken;

  beforeEach(async () => {
    users = new InMemoryUserRepository();
    verifier = new FakeAccessTokenVerifier();
    sessions = new RecordingSessionStore();
    authenticate = new AuthenticateAccessToken(verifier, new InMemoryBearerSessionLookup(users, sessions), new FixedClock(NOW));
    const email = Email.parse('ann@example.com');
    await users.add(User.register({ id: 'user-1', email, passwordHash: 'hash', now: PASSWORD_CHANGED_AT }));
    await sessions.start({
      id: 'session-1',
      userId: 'user-1',
      refreshToken: 'refresh-1',
      successorKey: 'key-1',
      refreshTokenExpiresAt: at(14 * DAY_MS),
      expiresAt: at(90 * DAY_MS),
      createdAt: PASSWORD_CHANGED_AT,
      userAgent: null,
      ip: null,
      amr: ['pwd'],
      authTime: PASSWORD_CHANGED_AT,
    });
  });

  const tokenIssuedAt = (issuedAt: Date, userId = 'user-1') => {
    verifier.accept('token', { userId, sessionId: 'session-1', issuedAt });
    return 'token';
  };

  it('refuses a token of an account disabled since it was issued', async () => {
    const token = tokenIssuedAt(PASSWORD_CHANGED_AT);
    await users.update((await users.findById('user-1'))!.withDisabled(NOW));
    await expectInvalidAccessToken(authenticate.execute(token));
  });

  it('refuses a missing token', async () => {
    await expectInvalidAccessToken(authenticate.execute(null));
  });

  it('refuses an empty token', async () => {
    await expectInvalidAccessToken(authenticate.execute(''));
  });

  it("passes on the verifier's refusal of a token", async () => {
    await expectInvalidAccessToken(authenticate.execute('forged'));
  });

  it('refuses a valid token of an account that no longer exists', async () => {
    const token = tokenIssuedAt(at(1000));
    users.delete('user-1');
    await expectInvalidAccessToken(authenticate.execute(token));
  });

  it('refuses, after a password change, a token of a session alive before it, though issued in the same second', async () => {
    const token = tokenIssuedAt(at(-500));
    const ann = (await users.findById('user-1'))!;
    const tokens = new InMemoryAccountTokenStore();
    await new PasswordReplacement(users, sessions, tokens, new AccountNotice(tokens, new FixedClock(at(1))), new RecordingAuditTrail()).replace(ann, 'new-hash', at(1), 'password.changed');
    await expectInvalidAccessToken(authenticate.execute(token));
  });

  it('accepts a token of a session begun after the password change, its whole-second iat earlier than the change', async () => {
    // iat has whole seconds: a login at 12:00:00.600, just after a change at .500, says 12:00:00.
    expect(await authenticate.execute(tokenIssuedAt(at(-500)))).to.deep.include({ userId: 'user-1', sessionId: 'session-1' });
  });

  it('accepts a token issued at the very millisecond of the password change', async () => {
    expect(await authenticate.execute(tokenIssuedAt(at(0)))).to.deep.include({ userId: 'user-1', sessionId: 'session-1' });
  });

  it('accepts a token issued after the password change', async () => {
    expect(await authenticate.execute(tokenIssuedAt(at(1)))).to.deep.include({ userId: 'user-1', sessionId: 'session-1' });
  });

  it('refuses a valid, current token whose session was revoked', async () => {
    const token = tokenIssuedAt(at(1000));
    await sessions.revoke('session-1', at(2000));
    await expectInvalidAccessToken(authenticate.execute(token));
  });

  it('refuses a valid, current token whose session is past its maximum age', async () => {
    verifier.accept('token', { userId: 'user-1', sessionId: 'session-1', issuedAt: at(1000) });
    const later = new AuthenticateAccessToken(verifier, new InMemoryBearerSessionLookup(users, sessions), new FixedClock(at(90 * DAY_MS)));
    await expectInvalidAccessToken(later.execute('token'));
  });

  it('refuses a valid, current token whose session has idled out (its refresh token expired)', async () => {
    verifier.accept('token', { userId: 'user-1', sessionId: 'session-1', issuedAt: at(1000) });
    const later = new AuthenticateAccessToken(verifier, new InMemoryBearerSessionLookup(users, sessions), new FixedClock(at(14 * DAY_MS)));
    await expectInvalidAccessToken(later.execute('token'));
  });

  it('refuses a valid, current token of an unknown session', async () => {
    verifier.accept('token', { userId: 'user-1', sessionId: 'session-9', issuedAt: at(1000) });
    await expectInvalidAccessToken(authenticate.execute('token'));
  });
});
