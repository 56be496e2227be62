import { ReleasedAsyncStorage } from '../system/released-async-storage.js';

/** Thrown into work whose request has already been answered 503 for taking too long. */
export class RequestAbandoned extends Error {
  constructor() {
    super('the request timed out and was answered; its remaining work is dropped');
    this.name = 'RequestAbandoned';
  }
}

/** What the work of one request may ask about it. */
export interface RequestScope {
  readonly signal: AbortSignal;
  /** As the HTTP edge sees it (X-Forwarded-For under TRUST_PROXY); null when unknown. */
  readonly clientAddress: string | null;
  /** The request's X-Request-Id and User-Agent, for the audit log; null when unknown. */
  readonly requestId: string | null;
  readonly userAgent: string | null;
}

/** What the edge tells of a request besides its address. */
export interface RequestOrigin {
  readonly requestId: string | null;
  readonly userAgent: string | null;
}

const storage = new ReleasedAsyncStorage<RequestScope>();

/**
 * The deadline of the request being served, carried through every await of its work. The
 * request timeout answers 503 and aborts the signal; the database then refuses to begin or
 * commit anything more for that request, so that a client told "503, try again" does not
 * find the account made after all (a write queued behind a stalled connection or a lock
 * would otherwise run whenever it got its turn). Work outside a request has no deadline.
 * The client address rides along, for work that shares a resource fairly between clients
 * (the password-hash queue) without every use case passing it down, and with it the request's
 * id and User-Agent (the audit log's row of each event).
 */
export const requestDeadline = {
  run<T>(signal: AbortSignal, work: () => Promise<T>, clientAddress: string | null = null, origin?: RequestOrigin): Promise<T> {
    return storage.run({ signal, clientAddress, requestId: origin?.requestId ?? null, userAgent: origin?.userAgent ?? null }, work);
  },

  /** @throws RequestAbandoned once the current request's deadline has passed */
  throwIfPassed(): void {
    if (storage.getStore()?.signal.aborted) throw new RequestAbandoned();
  },

  /** The request being served; undefined for work outside a request. */
  current(): RequestScope | undefined {
    return storage.getStore();
  },
};
