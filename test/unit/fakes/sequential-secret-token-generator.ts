import type { SecretTokenGenerator } from '../../../src/application/ports/secret-token-generator.js';

/** `secret-1`, `secret-2`, …: predictable stand-ins for random refresh tokens. */
export class SequentialSecretTokenGenerator implements SecretTokenGenerator {
  private issued = 0;

  generate(): string {
    this.issued += 1;
    return `secret-${this.issued}`;
  }
}
