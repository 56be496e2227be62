import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK } from 'jose';

/** An asymmetric key pair as the service reads it (PEM) and as a test signs with it. */
export interface TestKeyPair {
  readonly alg: 'EdDSA' | 'ES256';
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** PKCS#8 PEM, for JWT_PRIVATE_KEY. */
  readonly privatePem: string;
  /** SPKI PEM, for JWT_PREVIOUS_PUBLIC_KEYS or a second JWT library. */
  readonly publicPem: string;
}

export function ed25519KeyPair(): TestKeyPair {
  return describe('EdDSA', generateKeyPairSync('ed25519'));
}

export function p256KeyPair(): TestKeyPair {
  return describe('ES256', generateKeyPairSync('ec', { namedCurve: 'P-256' }));
}

/** The RFC 7638 thumbprint of the public key: the kid the service gives it. */
export async function thumbprintOf(publicKey: KeyObject): Promise<string> {
  return calculateJwkThumbprint(await exportJWK(publicKey));
}

function describe(alg: TestKeyPair['alg'], pair: { privateKey: KeyObject; publicKey: KeyObject }): TestKeyPair {
  return {
    alg,
    ...pair,
    privatePem: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicPem: pair.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}
