import { AsyncResource } from 'node:async_hooks';

// Made when this module loads, at start, outside every request: its context holds no store.
const processContext = new AsyncResource('auth.outside-requests');

/**
 * Runs `work` in the context the process started in, not the current request's. What work
 * leaves behind keeps the context it was made in: a timer made inside a request holds the
 * request's AsyncLocalStorage stores (its deadline's AbortSignal, its facts, ~1.5 KB) until
 * it fires. Work whose timers outlive the request runs here: a rate limiter's count in process
 * memory expires with a timer at the end of its window, 15 minutes after the login that made it.
 */
export function outsideRequests<T>(work: () => T): T {
  return processContext.runInAsyncScope(work);
}
