import { randomBytes } from 'node:crypto';
import bcrypt from 'bcrypt';
import type { PasswordHasher } from '../../application/ports/password-hasher.js';

// bcrypt's own base64 alphabet: 64 characters, so a byte modulo 64 picks each one evenly.
const BCRYPT_BASE64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DIGEST_CHARACTERS = 31;

function randomDigest(): string {
  return Array.from(randomBytes(DIGEST_CHARACTERS), (byte) => BCRYPT_BASE64[byte % 64]).join('');
}

export class BcryptPasswordHasher implements PasswordHasher {
  private constructor(private readonly cost: number, readonly dummyHash: string) {}

  /**
   * The dummy hash, so that an unknown e-mail costs a real compare, is a fresh salt at the
   * configured cost and a random digest: a compare against it runs all its rounds like any
   * other, and nothing matches it. Computing a real hash instead took a whole hash's time
   * (~300 ms at cost 12) before the service could answer.
   */
  static create(cost: number): BcryptPasswordHasher {
    return new BcryptPasswordHasher(cost, bcrypt.genSaltSync(cost) + randomDigest());
  }

  hash(normalizedPassword: string): Promise<string> {
    return bcrypt.hash(normalizedPassword, this.cost);
  }

  async verify(normalizedPassword: string, hash: string): Promise<boolean> {
    try {
      return await bcrypt.compare(normalizedPassword, hash);
    } catch {
      return false;
    }
  }

  needsRehash(hash: string): boolean {
    try {
      return bcrypt.getRounds(hash) < this.cost;
    } catch {
      return false;
    }
  }
}
