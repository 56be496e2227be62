import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { createVerifier, type Algorithm } from 'fast-jwt';

/** One key of an RFC 7517 set, as GET /.well-known/jwks.json answers it. */
export interface PublishedKey extends JsonWebKey {
  readonly kid: string;
  readonly alg: string;
  readonly use?: string;
}

/**
 * Verifies a token as a relying party would, with a second JWT library (fast-jwt, not the
 * service's jose): the key is the published one its kid names, turned into PEM by node:crypto.
 * Returns the claims; throws when the token does not verify.
 */
export function verifyWithJwks(token: string, keys: readonly PublishedKey[], expected: { issuer: string; audience: string }): Promise<Record<string, unknown>> {
  const verify = createVerifier({
    algorithms: [...new Set(keys.map((key) => key.alg as Algorithm))],
    allowedIss: expected.issuer,
    allowedAud: expected.audience,
    checkTyp: 'at+jwt',
    requiredClaims: ['sub', 'sid', 'jti', 'iat', 'exp'],
    key: async (decoded: { header: Record<string, unknown> }) => {
      const jwk = keys.find((key) => key.kid === decoded.header.kid);
      if (!jwk) throw new Error(`no published key has kid ${String(decoded.header.kid)}`);
      return createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'pem', type: 'spki' }).toString();
    },
  });
  return verify(token) as Promise<Record<string, unknown>>;
}
