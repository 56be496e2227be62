import { AsyncLocalStorage } from 'node:async_hooks';

/** Thrown into work whose request has already been answered 503 for taking too long. */
export class RequestAbandoned extends Error {
  constructor() {
    super('the request timed out and was answered; its remaining work is dropped');
    this.name = 'RequestAbandoned';
  }
}

const storage = new AsyncLocalStorage<AbortSignal>();

/**
 * The deadline of the request being served, carried through every await of its work. The
 * request timeout answers 503 and aborts the signal; the database then refuses to begin or
 * commit anything more for that request, so that a client told "503, try again" does not
 * find the account made after all (a write queued behind a stalled connection or a lock
 * would otherwise run whenever it got its turn). Work outside a request has no deadline.
 */
export const requestDeadline = {
  run<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    return storage.run(signal, work);
  },

  /** @throws RequestAbandoned once the current request's deadline has passed */
  throwIfPassed(): void {
    if (storage.getStore()?.aborted) throw new RequestAbandoned();
  },
};
