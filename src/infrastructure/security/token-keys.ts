import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';
import { ConfigError } from '../config/config-error.js';
import type { Config } from '../config/config.js';

export type TokenAlgorithm = 'HS256' | 'EdDSA' | 'ES256';

export interface VerificationKey {
  readonly kid: string;
  readonly alg: TokenAlgorithm;
  readonly key: KeyObject | Uint8Array;
}

export interface TokenKeys {
  readonly signing: VerificationKey & { readonly signKey: KeyObject | Uint8Array };
  /** Every key a token may name in its `kid`, each pinned to its one algorithm. */
  readonly verification: ReadonlyMap<string, VerificationKey>;
  /** Public keys to publish at /.well-known/jwks.json; empty with a shared secret. */
  readonly jwks: readonly JWK[];
}

/** Imports the keys once at start; a key that does not parse stops the service there. */
export async function loadTokenKeys(jwt: Config['jwt']): Promise<TokenKeys> {
  if (!jwt.privateKeyPem) {
    const secret = jwt.secret!;
    // The kid names the secret without revealing it: a hash of 256+ secret bits.
    const kid = createHash('sha256').update('kid:').update(secret).digest('base64url').slice(0, 16);
    const key = { kid, alg: 'HS256' as const, key: secret };
    return { signing: { ...key, signKey: secret }, verification: new Map([[kid, key]]), jwks: [] };
  }
  const privateKey = parsePem('JWT_PRIVATE_KEY', () => createPrivateKey(jwt.privateKeyPem!));
  const current = await describePublicKey('JWT_PRIVATE_KEY', createPublicKey(privateKey));
  const previous = await Promise.all(
    splitPems(jwt.previousPublicKeysPem).map((pem) =>
      describePublicKey('JWT_PREVIOUS_PUBLIC_KEYS', parsePem('JWT_PREVIOUS_PUBLIC_KEYS', () => createPublicKey(pem))),
    ),
  );
  const all = [current, ...previous];
  return {
    signing: { ...current.key, signKey: privateKey },
    verification: new Map(all.map(({ key }) => [key.kid, key])),
    jwks: all.map(({ jwk }) => jwk),
  };
}

async function describePublicKey(variable: string, publicKey: KeyObject): Promise<{ key: VerificationKey; jwk: JWK }> {
  const alg = algorithmOf(variable, publicKey);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { key: { kid, alg, key: publicKey }, jwk: { ...jwk, kid, alg, use: 'sig' } };
}

function algorithmOf(variable: string, key: KeyObject): TokenAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new ConfigError(variable, 'must be an Ed25519 or P-256 key');
}

function parsePem<T>(variable: string, parse: () => T): T {
  try {
    return parse();
  } catch {
    throw new ConfigError(variable, 'is not a PEM key that can be read');
  }
}

function splitPems(pems: string | null): string[] {
  return pems?.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
}
