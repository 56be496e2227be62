import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A secret as stored: base64 ciphertext, 96-bit nonce and 128-bit tag. */
export interface SealedSecret {
  readonly ciphertext: string;
  readonly nonce: string;
  readonly tag: string;
}

const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12; // NIST SP 800-38D §8.2: random 96-bit nonces
const TAG_BYTES = 16;

/**
 * AES-256-GCM for secrets kept at rest (TOTP secrets under DATA_ENCRYPTION_KEY). The row a
 * secret belongs to is its associated data, so a sealed secret copied into another row, or
 * altered, does not open: it throws.
 */
export class AesGcmSecretCipher {
  private readonly key: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
    this.key = Buffer.from(key);
  }

  seal(plaintext: string, associatedData: string): SealedSecret {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, nonce, { authTagLength: TAG_BYTES }).setAAD(Buffer.from(associatedData));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext: ciphertext.toString('base64'), nonce: nonce.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  }

  /** @throws when the key, the associated data, or any part of the sealed secret is not the one it was sealed with */
  open(sealed: SealedSecret, associatedData: string): string {
    const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(sealed.nonce, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData)).setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  }
}
