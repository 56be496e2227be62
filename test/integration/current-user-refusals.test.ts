import { expect } from 'chai';
import type { JWTPayload } from 'jose';
import { registerAndLogin, type LoggedIn } from './support/accounts.js';
import { decodeAccessToken, freshClaims, signAccessToken, unsecuredToken } from './support/access-tokens.js';
import { expectProblem } from './support/problems.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`GET /users/me refusals (${databaseKind()})`, () => {
  let t: TestService;
  let session: LoggedIn;
  let kid: string;
  let real: JWTPayload;
  before(async () => {
    t = await startTestService();
    session = await registerAndLogin(t);
    // Tokens issued before the latest password change are refused; back-date the account an
    // hour so that a forged token's iat (up to 1000 s old) fails only for what each test alters.
    await t.query('UPDATE users SET password_changed_at = password_changed_at - 3600000 WHERE id = ?', [session.user.id]);
    const decoded = decodeAccessToken(session.access_token);
    kid = decoded.header.kid!;
    real = decoded.claims;
  });
  after(async () => {
    await t?.stop();
  });

  /** Sends the Authorization header given (none when null) and expects an RFC 6750 401. */
  async function expectRefused(authorization: string | null): Promise<void> {
    const req = t.http().get('/users/me');
    const res = await (authorization === null ? req : req.set('Authorization', authorization));
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).to.equal('Bearer error="invalid_token"');
  }

  it('accepts a token signed here with fresh claims (the forging below is otherwise sound)', async () => {
    const token = await signAccessToken({ header: { kid }, claims: freshClaims(real) });
    const res = await t.http().get('/users/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).to.equal(200);
  });

  it('refuses a request without Authorization', async () => {
    await expectRefused(null);
  });

  it('refuses a bearer value that is not a JWT', async () => {
    await expectRefused('Bearer garbage');
  });

  it('refuses another scheme carrying a valid token', async () => {
    await expectRefused(`Basic ${session.access_token}`);
  });

  it('refuses a token signed with another secret under the right kid', async () => {
    const token = await signAccessToken({ header: { kid }, claims: freshClaims(real), secret: 'another-secret-of-at-least-32-bytes-long' });
    await expectRefused(`Bearer ${token}`);
  });

  it('refuses a token whose kid names no key', async () => {
    const token = await signAccessToken({ header: { kid: 'no-such-key' }, claims: freshClaims(real) });
    await expectRefused(`Bearer ${token}`);
  });

  it('accepts a token expired by less than the 30 s clock tolerance', async () => {
    const nowS = Math.floor(Date.now() / 1000);
    const token = await signAccessToken({ header: { kid }, claims: { ...real, iat: nowS - 1000, exp: nowS - 10 } });
    const res = await t.http().get('/users/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).to.equal(200);
  });

  it('refuses a token that expired more than 30 s ago', async () => {
    const nowS = Math.floor(Date.now() / 1000);
    const token = await signAccessToken({ header: { kid }, claims: { ...real, iat: nowS - 1000, exp: nowS - 60 } });
    await expectRefused(`Bearer ${token}`);
  });

  it('refuses an unsigned token (alg none)', async () => {
    await expectRefused(`Bearer ${unsecuredToken({ kid, typ: 'at+jwt' }, freshClaims(real))}`);
  });

  it('refuses a token for another audience', async () => {
    const token = await signAccessToken({ header: { kid }, claims: { ...freshClaims(real), aud: 'another-service' } });
    await expectRefused(`Bearer ${token}`);
  });

  it('refuses a token from another issuer', async () => {
    const token = await signAccessToken({ header: { kid }, claims: { ...freshClaims(real), iss: 'someone-else' } });
    await expectRefused(`Bearer ${token}`);
  });

  it('refuses a JWT that is not typed as an access token', async () => {
    const token = await signAccessToken({ header: { kid, typ: 'JWT' }, claims: freshClaims(real) });
    await expectRefused(`Bearer ${token}`);
  });

  it('refuses a well-signed token for an account that does not exist', async () => {
    const token = await signAccessToken({ header: { kid }, claims: { ...freshClaims(real), sub: '00000000-0000-4000-8000-000000000000' } });
    await expectRefused(`Bearer ${token}`);
  });
});
