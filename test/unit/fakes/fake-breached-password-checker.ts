import type { BreachedPasswordChecker } from '../../../src/application/ports/breached-password-checker.js';

/** Knows the breached passwords it is given, and records every password it was asked about. */
export class FakeBreachedPasswordChecker implements BreachedPasswordChecker {
  readonly asked: string[] = [];
  private readonly breached: ReadonlySet<string>;

  constructor(breached: readonly string[] = []) {
    this.breached = new Set(breached);
  }

  async isBreached(normalizedPassword: string): Promise<boolean> {
    this.asked.push(normalizedPassword);
    return this.breached.has(normalizedPassword);
  }
}
