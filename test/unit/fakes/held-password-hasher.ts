import type { PasswordHasher } from '../../../src/application/ports/password-hasher.js';
import { FakePasswordHasher } from './fake-password-hasher.js';

/**
 * The fake hasher, but each hash or compare waits until the test releases it: to see what a
 * queue in front of it lets through, and in which order.
 */
export class HeldPasswordHasher implements PasswordHasher {
  /** Passwords as the calls came in, before any was released. */
  readonly entered: string[] = [];
  private readonly inner = new FakePasswordHasher();
  private readonly held: Array<() => void> = [];

  get dummyHash(): string {
    return this.inner.dummyHash;
  }

  get holding(): number {
    return this.held.length;
  }

  async hash(normalizedPassword: string): Promise<string> {
    await this.hold(normalizedPassword);
    return this.inner.hash(normalizedPassword);
  }

  async verify(normalizedPassword: string, hash: string): Promise<boolean> {
    await this.hold(normalizedPassword);
    return this.inner.verify(normalizedPassword, hash);
  }

  needsRehash(hash: string): boolean {
    return this.inner.needsRehash(hash);
  }

  /** Lets the oldest held call finish, then lets the callers' continuations run. */
  async releaseOne(): Promise<void> {
    this.held.shift()?.();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  private hold(password: string): Promise<void> {
    this.entered.push(password);
    return new Promise<void>((resolve) => this.held.push(resolve));
  }
}
