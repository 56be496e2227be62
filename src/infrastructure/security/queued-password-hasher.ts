import type { PasswordHasher } from '../../application/ports/password-hasher.js';
import { HashingBusy } from '../../domain/errors.js';
import { RequestAbandoned, requestDeadline } from '../request-context/request-deadline.js';
import { QueueFull, WaitAbandoned, type FairQueue } from './fair-queue.js';
import { hashLaneOf } from './hash-lane.js';

// Long enough for a few hashes to drain at any sane cost; short enough for a login form.
const RETRY_AFTER_S = 1;

/**
 * Puts every hash and compare of the hasher it wraps behind a bounded fair queue, one lane
 * per client address of the current request (requestDeadline): hashing is the one
 * unbounded cost an anonymous client can make the service pay, and without the queue a
 * flood of wrong passwords from one address holds everyone else's login past the request
 * timeout. needsRehash and dummyHash cost nothing and go straight through.
 */
export class QueuedPasswordHasher implements PasswordHasher {
  constructor(private readonly inner: PasswordHasher, private readonly queue: FairQueue) {}

  get dummyHash(): string {
    return this.inner.dummyHash;
  }

  /** @throws HashingBusy when the queue has no place for it */
  hash(normalizedPassword: string): Promise<string> {
    return this.queued(() => this.inner.hash(normalizedPassword));
  }

  /** @throws HashingBusy when the queue has no place for it */
  verify(normalizedPassword: string, hash: string): Promise<boolean> {
    return this.queued(() => this.inner.verify(normalizedPassword, hash));
  }

  needsRehash(hash: string): boolean {
    return this.inner.needsRehash(hash);
  }

  private async queued<T>(work: () => Promise<T>): Promise<T> {
    const request = requestDeadline.current();
    try {
      return await this.queue.run(hashLaneOf(request?.clientAddress), work, request?.signal);
    } catch (error) {
      if (error instanceof QueueFull) throw new HashingBusy(RETRY_AFTER_S);
      // The request was already answered 503: its hash is not worth a pool thread.
      if (error instanceof WaitAbandoned) throw new RequestAbandoned();
      throw error;
    }
  }
}
