import { randomBytes } from 'node:crypto';
import type { SecretTokenGenerator } from '../../application/ports/secret-token-generator.js';

/** 256 bits from the operating system's CSPRNG, base64url (43 characters). */
export class CryptoSecretTokenGenerator implements SecretTokenGenerator {
  generate(): string {
    return randomBytes(32).toString('base64url');
  }
}
