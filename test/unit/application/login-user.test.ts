import { expect } from 'chai';
import type { LoginUserInput } from '../../../src/application/use-cases/login-user.js';
import { LIFETIMES, NOW, PASSWORD, loginFixture, type LoginFixture } from '../support/login-fixture.js';
import { only } from '../support/only.js';

const input: LoginUserInput = { email: 'ann@example.com', password: PASSWORD, userAgent: 'Firefox/140', ip: '203.0.113.7' };

describe('LoginUser: a successful login', () => {
  let f: LoginFixture;

  beforeEach(async () => {
    f = await loginFixture();
  });

  it('returns the issued access token, its lifetime, the refresh token and the user id', async () => {
    const output = await f.loginUser.execute(input);
    expect(output).to.deep.equal({
      accessToken: 'access-1:user-1:session-1',
      expiresIn: 900,
      refreshToken: 'secret-1',
      userId: 'user-1',
    });
  });

  it('accepts the e-mail address in another case', async () => {
    const output = await f.loginUser.execute({ ...input, email: 'ANN@Example.COM' });
    expect(output.userId).to.equal('user-1');
  });

  it("starts exactly one session, for the user's id", async () => {
    await f.loginUser.execute(input);
    expect(only(f.sessions.started).userId).to.equal('user-1');
  });

  it('starts the session with the refresh token it returns', async () => {
    const output = await f.loginUser.execute(input);
    expect(only(f.sessions.started).refreshToken).to.equal(output.refreshToken);
  });

  it("issues the access token for the session it started (the token's sid)", async () => {
    await f.loginUser.execute(input);
    expect(only(f.accessTokens.requests)).to.deep.equal({ userId: 'user-1', sessionId: only(f.sessions.started).id, amr: ['pwd'], authTime: NOW });
  });

  it('records a password login (amr ["pwd"], RFC 8176) proved now in the session, for its refreshes', async () => {
    await f.loginUser.execute(input);
    const session = only(f.sessions.started);
    expect([session.amr, session.authTime]).to.deep.equal([['pwd'], NOW]);
  });

  it('lets the first refresh token expire after the refresh-token lifetime', async () => {
    await f.loginUser.execute(input);
    expect(only(f.sessions.started).refreshTokenExpiresAt.getTime()).to.equal(NOW.getTime() + LIFETIMES.refreshTokenTtlMs);
  });

  it('ends the session after the maximum session age', async () => {
    await f.loginUser.execute(input);
    expect(only(f.sessions.started).expiresAt.getTime()).to.equal(NOW.getTime() + LIFETIMES.sessionMaxAgeMs);
  });

  it('dates the session now', async () => {
    await f.loginUser.execute(input);
    expect(only(f.sessions.started).createdAt.getTime()).to.equal(NOW.getTime());
  });

  it('keeps the user agent and the address the login came from', async () => {
    await f.loginUser.execute(input);
    const session = only(f.sessions.started);
    expect([session.userAgent, session.ip]).to.deep.equal(['Firefox/140', '203.0.113.7']);
  });

  it('compares the password once', async () => {
    await f.loginUser.execute(input);
    expect(only(f.hasher.verifyCalls).hash).to.equal(f.user.passwordHash);
  });
});
