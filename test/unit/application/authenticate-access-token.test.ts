import { expect } from 'chai';
import { AuthenticateAccessToken } from '../../../src/application/use-cases/authenticate-access-token.js';
import { Email } from '../../../src/domain/email.js';
import { InvalidAccessToken } from '../../../src/domain/errors.js';
import { User } from '../../../src/domain/user.js';
import { FakeAccessTokenVerifier } from '../fakes/fake-access-token-verifier.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { rejectionOf } from '../support/rejection-of.js';

const PASSWORD_CHANGED_AT = new Date('2025-06-01T12:00:00.500Z');
const at = (offsetMs: number) => new Date(PASSWORD_CHANGED_AT.getTime() + offsetMs);

async function expectInvalidAccessToken(promise: Promise<unknown>): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(InvalidAccessToken);
  expect(error).to.have.property('code', 'invalid_access_token');
}

describe('AuthenticateAccessToken', () => {
  let users: InMemoryUserRepository;
  let verifier: FakeAccessTokenVerifier;
  let authenticate: AuthenticateAccessToken;

  beforeEach(async () => {
    users = new InMemoryUserRepository();
    verifier = new FakeAccessTokenVerifier();
    authenticate = new AuthenticateAccessToken(verifier, users);
    const email = Email.parse('ann@example.com');
    await users.add(User.register({ id: 'user-1', email, passwordHash: 'hash', now: PASSWORD_CHANGED_AT }));
  });

  const tokenIssuedAt = (issuedAt: Date, userId = 'user-1') => {
    verifier.accept('token', { userId, sessionId: 'session-1', issuedAt });
    return 'token';
  };

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

  it('refuses a token issued 1 ms before the latest password change', async () => {
    await expectInvalidAccessToken(authenticate.execute(tokenIssuedAt(at(-1))));
  });

  it('accepts a token issued at the very millisecond of the password change', async () => {
    expect(await authenticate.execute(tokenIssuedAt(at(0)))).to.deep.equal({ userId: 'user-1', sessionId: 'session-1' });
  });

  it('accepts a token issued after the password change', async () => {
    expect(await authenticate.execute(tokenIssuedAt(at(1)))).to.deep.equal({ userId: 'user-1', sessionId: 'session-1' });
  });
});
