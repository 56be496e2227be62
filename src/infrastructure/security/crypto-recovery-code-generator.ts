import { randomBytes } from 'node:crypto';
import type { RecoveryCodeGenerator } from '../../application/ports/recovery-code-generator.js';

// RFC 4648 base32: no 0, 1, 8 or 9 to mistake for O, I, B or g on paper.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BYTES = 15; // 120 bits, over ASVS 6.5.2's 112, and exactly 24 base32 characters

/** `ABCD-EFGH-IJKL-MNOP-QRST-UVWX`: 120 bits from the operating system's CSPRNG, in six groups to copy. */
export class CryptoRecoveryCodeGenerator implements RecoveryCodeGenerator {
  generate(): string {
    const bits = [...randomBytes(BYTES)].map((byte) => byte.toString(2).padStart(8, '0')).join('');
    const characters = bits.match(/.{5}/g)!.map((chunk) => ALPHABET[parseInt(chunk, 2)]).join('');
    return characters.match(/.{4}/g)!.join('-');
  }
}
