import type { IdGenerator } from '../../../src/application/ports/id-generator.js';

/** `<prefix>-1`, `<prefix>-2`, …: predictable ids a test can name. */
export class SequentialIdGenerator implements IdGenerator {
  private issued = 0;

  constructor(private readonly prefix = 'id') {}

  newId(): string {
    this.issued += 1;
    return `${this.prefix}-${this.issued}`;
  }
}
