import { webcrypto, type KeyObject } from 'node:crypto';

type Usage = 'sign' | 'verify';
const imported = new WeakMap<Uint8Array, Partial<Record<Usage, Promise<webcrypto.CryptoKey>>>>();

/**
 * The key as jose should get it. jose imports a raw HMAC secret (a Uint8Array) into WebCrypto
 * again for every token it signs or verifies, ~20 µs each time (bench/, README
 * "Performance"); the imported CryptoKey is kept here, one per secret and usage. Key objects
 * (Ed25519, P-256) jose already converts once and caches.
 */
export function importedOnce(key: KeyObject | Uint8Array, usage: Usage): KeyObject | Promise<webcrypto.CryptoKey> {
  if (!(key instanceof Uint8Array)) return key;
  let byUsage = imported.get(key);
  if (!byUsage) imported.set(key, (byUsage = {}));
  return (byUsage[usage] ??= webcrypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [usage]));
}
