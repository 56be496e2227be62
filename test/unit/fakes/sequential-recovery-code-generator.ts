import type { RecoveryCodeGenerator } from '../../../src/application/ports/recovery-code-generator.js';

/** `RC01-0001`, `RC01-0002`, …: predictable stand-ins for random recovery codes. */
export class SequentialRecoveryCodeGenerator implements RecoveryCodeGenerator {
  private issued = 0;

  generate(): string {
    this.issued += 1;
    return `RC01-${String(this.issued).padStart(4, '0')}`;
  }
}
