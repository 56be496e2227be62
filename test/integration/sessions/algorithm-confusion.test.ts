import { expect } from 'chai';
import { SignJWT, type JWTPayload } from 'jose';
import { registerAndLogin, type LoggedIn } from '../support/accounts.js';
import { decodeAccessToken, freshClaims, unsecuredToken } from '../support/access-tokens.js';
import { expectProblem } from '../support/problems.js';
import { withBearer } from '../support/session-flow.js';
import { ed25519KeyPair, p256KeyPair, thumbprintOf } from '../support/signing-keys.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, TEST_JWT_SECRET, type TestService } from '../support/test-service.js';

describe(`access tokens on an EdDSA service refuse forged algorithms (${databaseKind()})`, () => {
  const key = ed25519KeyPair();
  let t: TestService;
  let session: LoggedIn;
  let kid: string;
  let claims: JWTPayload;
  before(async () => {
    // JWT_SECRET stays set too (the harness sets it): the private key must win over it.
    t = await startTestService({ JWT_PRIVATE_KEY: key.privatePem });
    session = await registerAndLogin(t);
    // Forged tokens carry a whole-second iat: back-date the account's password change.
    await t.query('UPDATE users SET password_changed_at = password_changed_at - 60000 WHERE id = ?', [session.user.id]);
    kid = await thumbprintOf(key.publicKey);
    claims = freshClaims(decodeAccessToken(session.access_token).claims);
  });
  after(async () => {
    await t?.stop();
  });

  const sign = (alg: string, headerKid: string, secret: Parameters<SignJWT['sign']>[0]) =>
    new SignJWT(claims).setProtectedHeader({ alg, kid: headerKid, typ: 'at+jwt' }).sign(secret);
  async function expectRefused(token: string): Promise<void> {
    const res = await withBearer(t, token);
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).to.equal('Bearer error="invalid_token"');
  }

  it('accepts a token signed with the real private key (the forging below is otherwise sound)', async () => {
    expect((await withBearer(t, await sign('EdDSA', kid, key.privateKey))).status).to.equal(200);
  });

  it('refuses HS256 signed with the public key’s PEM as the secret, under the right kid', async () => {
    await expectRefused(await sign('HS256', kid, new TextEncoder().encode(key.publicPem)));
  });

  it('refuses HS256 signed with the public key’s raw bytes as the secret, under the right kid', async () => {
    const raw = Buffer.from(key.publicKey.export({ format: 'jwk' }).x!, 'base64url');
    await expectRefused(await sign('HS256', kid, raw));
  });

  it('refuses HS256 signed with JWT_SECRET once a private key is configured', async () => {
    await expectRefused(await sign('HS256', kid, new TextEncoder().encode(TEST_JWT_SECRET)));
  });

  it('refuses alg none under the right kid', async () => {
    await expectRefused(unsecuredToken({ kid, typ: 'at+jwt' }, claims));
  });

  it('refuses a token whose kid names no key, though signed with the real key', async () => {
    await expectRefused(await sign('EdDSA', 'no-such-key', key.privateKey));
  });

  it('refuses a token signed by another Ed25519 key under the right kid', async () => {
    await expectRefused(await sign('EdDSA', kid, ed25519KeyPair().privateKey));
  });

  it('refuses ES256 signed by a P-256 key under the Ed25519 key’s kid', async () => {
    await expectRefused(await sign('ES256', kid, p256KeyPair().privateKey));
  });
});
