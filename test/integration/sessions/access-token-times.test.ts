import { expect } from 'chai';
import { createLocalJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { registerAndLogin } from '../support/accounts.js';
import { decodeAccessToken } from '../support/access-tokens.js';
import { ed25519KeyPair } from '../support/signing-keys.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, TEST_JWT_SECRET, type TestService } from '../support/test-service.js';

const expected = { issuer: 'auth-service', audience: 'auth-service' };

interface Signing {
  readonly name: string;
  readonly env: Record<string, string>;
  /** The key a relying party would verify with: the shared secret, or the published JWKS. */
  verificationKey(t: TestService): Promise<Uint8Array | JWTVerifyGetKey>;
}

const signings: Signing[] = [
  { name: 'HS256', env: {}, verificationKey: async () => new TextEncoder().encode(TEST_JWT_SECRET) },
  {
    name: 'EdDSA, verified from the JWKS',
    env: { JWT_PRIVATE_KEY: ed25519KeyPair().privatePem },
    verificationKey: async (t) => createLocalJWKSet((await t.http().get('/.well-known/jwks.json').expect(200)).body),
  },
];

// RFC 7519 allows a fractional NumericDate, but strict verifiers compare whole seconds: PyJWT
// and jose (maxTokenAge, no tolerance) refuse an iat of 1796107827.335 checked at
// 1796107827 as "not yet valid". Every time claim is issued as an integer.
for (const signing of signings) {
  describe(`access token times, ${signing.name} (${databaseKind()})`, () => {
    let t: TestService;
    before(async () => {
      t = await startTestService(signing.env);
    });
    after(async () => {
      await t?.stop();
    });

    it('issues iat and exp as integers, exp being iat plus expires_in', async () => {
      const session = await registerAndLogin(t);
      const { iat, exp } = decodeAccessToken(session.access_token).claims;
      expect([Number.isInteger(iat), Number.isInteger(exp)], `iat ${iat}, exp ${exp}`).to.deep.equal([true, true]);
      expect(exp! - iat!).to.equal(session.expires_in);
    });

    it('issues amr ["pwd"] (RFC 8176) and an integer auth_time at a password login, and a refresh keeps the login\'s', async () => {
      const session = await registerAndLogin(t);
      const { amr, auth_time: authTime, iat } = decodeAccessToken(session.access_token).claims;
      expect([amr, Number.isInteger(authTime), (authTime as number) <= iat!]).to.deep.equal([['pwd'], true, true]);
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // a refresh in a later second
      const refreshed = await t.http().post('/auth/refresh').send({ refreshToken: session.refresh_token }).expect(200);
      const claims = decodeAccessToken(refreshed.body.access_token).claims;
      expect([claims.amr, claims.auth_time, claims.iat! > iat!]).to.deep.equal([['pwd'], authTime, true]);
    });

    it('issues a token that a strict verifier (zero clock tolerance) accepts within the second it was issued', async () => {
      const session = await registerAndLogin(t);
      const { iat } = decodeAccessToken(session.access_token).claims;
      // The very start of the second the token was signed in: as early as "at once" can be.
      const sameSecond = new Date(Math.floor(iat!) * 1000);
      const options = { ...expected, clockTolerance: 0, maxTokenAge: session.expires_in, currentDate: sameSecond };
      const key = await signing.verificationKey(t);
      const verified = await (typeof key === 'function' ? jwtVerify(session.access_token, key, options) : jwtVerify(session.access_token, key, options));
      expect(verified.payload.sub).to.equal(session.user.id);
    });
  });
}
