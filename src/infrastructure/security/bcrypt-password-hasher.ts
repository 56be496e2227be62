import { randomBytes } from 'node:crypto';
import bcrypt from 'bcrypt';
import type { PasswordHasher } from '../../application/ports/password-hasher.js';

export class BcryptPasswordHasher implements PasswordHasher {
  private constructor(private readonly cost: number, readonly dummyHash: string) {}

  /** Makes the dummy hash at the configured cost once, so unknown e-mails cost a real compare. */
  static async create(cost: number): Promise<BcryptPasswordHasher> {
    return new BcryptPasswordHasher(cost, await bcrypt.hash(randomBytes(16).toString('hex'), cost));
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
