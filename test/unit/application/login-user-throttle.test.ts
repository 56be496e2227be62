import { expect } from 'chai';
import type { LoginUserInput } from '../../../src/application/use-cases/login-user.js';
import { TooManyAttempts } from '../../../src/domain/errors.js';
import { PASSWORD, loginFixture } from '../support/login-fixture.js';
import { rejectionOf } from '../support/rejection-of.js';

const IP = '203.0.113.7';
const input: LoginUserInput = { email: 'ANN@Example.com', password: PASSWORD, userAgent: null, ip: IP };
const wrong: LoginUserInput = { ...input, password: `${PASSWORD}!` };

describe('LoginUser: attempt throttling', () => {
  it('counts every attempt once, by canonical e-mail and address', async () => {
    const f = await loginFixture();
    await rejectionOf(f.loginUser.execute(wrong));
    await f.loginUser.execute(input);
    const counted = f.throttle.callsOf('beforeLogin').map(({ key, ip }) => [key, ip]);
    expect(counted).to.deep.equal([
      ['ann@example.com', IP],
      ['ann@example.com', IP],
    ]);
  });

  it('counts an attempt for an unknown e-mail address too', async () => {
    const f = await loginFixture();
    await rejectionOf(f.loginUser.execute({ ...input, email: 'bob@example.com' }));
    expect(f.throttle.callsOf('beforeLogin').map(({ key }) => key)).to.deep.equal(['bob@example.com']);
  });

  it('reports a success after the password matched', async () => {
    const f = await loginFixture();
    await f.loginUser.execute(input);
    expect(f.throttle.calls.map(({ method, key, ip }) => [method, key, ip])).to.deep.equal([
      ['beforeLogin', 'ann@example.com', IP],
      ['loginSucceeded', 'ann@example.com', IP],
    ]);
  });

  it('reports no success for a wrong password', async () => {
    const f = await loginFixture();
    await rejectionOf(f.loginUser.execute(wrong));
    expect(f.throttle.callsOf('loginSucceeded')).to.deep.equal([]);
  });

  it('reports no success for an unknown e-mail address', async () => {
    const f = await loginFixture();
    await rejectionOf(f.loginUser.execute({ ...input, email: 'bob@example.com' }));
    expect(f.throttle.callsOf('loginSucceeded')).to.deep.equal([]);
  });

  describe('past the limit', () => {
    it('refuses even the right password with TooManyAttempts and its wait', async () => {
      const f = await loginFixture({ attemptLimit: 2 });
      await rejectionOf(f.loginUser.execute(wrong));
      await rejectionOf(f.loginUser.execute(wrong));
      const error = await rejectionOf(f.loginUser.execute(input));
      expect(error).to.be.instanceOf(TooManyAttempts);
      expect(error).to.have.property('code', 'too_many_attempts');
      expect(error).to.have.property('retryAfterSeconds', 60);
    });

    it('refuses before comparing any password', async () => {
      const f = await loginFixture({ attemptLimit: 0 });
      await rejectionOf(f.loginUser.execute(input));
      expect(f.hasher.verifyCalls).to.deep.equal([]);
    });

    it('refuses an unknown e-mail address before comparing against the dummy hash', async () => {
      const f = await loginFixture({ attemptLimit: 0 });
      await rejectionOf(f.loginUser.execute({ ...input, email: 'bob@example.com' }));
      expect(f.hasher.verifyCalls).to.deep.equal([]);
    });

    it('starts no session and issues no token', async () => {
      const f = await loginFixture({ attemptLimit: 0 });
      await rejectionOf(f.loginUser.execute(input));
      expect([f.sessions.started, f.accessTokens.requests]).to.deep.equal([[], []]);
    });
  });
});
