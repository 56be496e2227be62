import { expect } from 'chai';
import { SignJWT } from 'jose';
import { registerAndLogin } from '../support/accounts.js';
import { decodeAccessToken } from '../support/access-tokens.js';
import { verifyWithJwks, type PublishedKey } from '../support/jwks-verifier.js';
import { expectProblem, JSON_UTF8 } from '../support/problems.js';
import { withBearer } from '../support/session-flow.js';
import { ed25519KeyPair, p256KeyPair, thumbprintOf, type TestKeyPair } from '../support/signing-keys.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const expected = { issuer: 'auth-service', audience: 'auth-service' };

// Each kind signs once with the other kind as the previous key: a rotation may change both.
for (const [makeKey, makePrevious] of [
  [ed25519KeyPair, p256KeyPair],
  [p256KeyPair, ed25519KeyPair],
]) {
  const current = makeKey!();
  const previous = makePrevious!();

  describe(`GET /.well-known/jwks.json with an ${current.alg} key and a previous ${previous.alg} one (${databaseKind()})`, () => {
    let t: TestService;
    let keys: PublishedKey[];
    before(async () => {
      t = await startTestService({ JWT_PRIVATE_KEY: current.privatePem, JWT_PREVIOUS_PUBLIC_KEYS: previous.publicPem });
      keys = (await t.http().get('/.well-known/jwks.json').expect(200)).body.keys;
    });
    after(async () => {
      await t?.stop();
    });

    it('answers 200 JSON, cacheable, with both public keys and no private part', async () => {
      const res = await t.http().get('/.well-known/jwks.json');
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal(JSON_UTF8);
      expect(res.headers['cache-control']).to.match(/max-age=\d+/);
      const kids = [await thumbprintOf(current.publicKey), await thumbprintOf(previous.publicKey)];
      expect(keys.map((key) => [key.kid, key.alg])).to.have.deep.members([
        [kids[0], current.alg],
        [kids[1], previous.alg],
      ]);
      for (const key of keys) expect(key).to.include({ use: 'sig' }).and.not.have.property('d');
    });

    it(`issues access tokens with alg ${current.alg} and the current key’s thumbprint as kid`, async () => {
      const { header } = decodeAccessToken((await registerAndLogin(t)).access_token);
      expect(header).to.include({ alg: current.alg, kid: await thumbprintOf(current.publicKey), typ: 'at+jwt' });
    });

    it('issues tokens that a second JWT library (fast-jwt) verifies with the published key', async () => {
      const session = await registerAndLogin(t);
      const claims = await verifyWithJwks(session.access_token, keys, expected);
      expect(claims).to.include({ sub: session.user.id, ...{ iss: expected.issuer, aud: expected.audience } });
    });

    it('accepts on /users/me a token signed by the previous key under its thumbprint', async () => {
      const session = await registerAndLogin(t);
      // Issued "now" but after the account's password_changed_at, which may be this very second.
      await t.query('UPDATE users SET password_changed_at = password_changed_at - 60000 WHERE id = ?', [session.user.id]);
      const token = await signWith(previous, decodeAccessToken(session.access_token).claims);
      expect((await withBearer(t, token)).status).to.equal(200);
      expect(await verifyWithJwks(token, keys, expected)).to.include({ sub: session.user.id });
    });
  });
}

/** Signs the claims (fresh times) as the service would, with a key of the test's own. */
async function signWith(key: TestKeyPair, claims: Record<string, unknown>): Promise<string> {
  const nowS = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, iat: nowS, exp: nowS + 300 })
    .setProtectedHeader({ alg: key.alg, kid: await thumbprintOf(key.publicKey), typ: 'at+jwt' })
    .sign(key.privateKey);
}

describe(`JWT_PRIVATE_KEY given on one line with \\n escapes (${databaseKind()})`, () => {
  const key = ed25519KeyPair();
  let t: TestService;
  before(async () => {
    t = await startTestService({ JWT_PRIVATE_KEY: key.privatePem.trim().replace(/\n/g, '\\n') });
  });
  after(async () => {
    await t?.stop();
  });

  it('reads the key and publishes it', async () => {
    const res = await t.http().get('/.well-known/jwks.json');
    expect(res.status).to.equal(200);
    expect(res.body.keys.map((k: PublishedKey) => k.kid)).to.deep.equal([await thumbprintOf(key.publicKey)]);
  });
});

describe(`GET /.well-known/jwks.json with the default HS256 secret (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('answers 404 problem+json: a shared secret has no public key', async () => {
    expectProblem(await t.http().get('/.well-known/jwks.json'), 404);
  });
});
