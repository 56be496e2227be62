import type { Middleware } from 'koa';
import type { AppState } from '../app-state.js';
import { RequestTimedOut } from '../http-errors.js';
import type { RunInRequestContext } from '../needs/request-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Answers 503 when a request is still running after `timeoutMs`, so that a stuck database
 * or upstream never holds a client past the contract's limit. The abandoned work is told
 * (runInContext): it begins and commits nothing more, and its late result is dropped.
 */
export function requestTimeout(timeoutMs: number, runInContext: RunInRequestContext): Middleware<AppState> {
  return async (ctx, next) => {
    const deadline = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        deadline.abort();
        // A body still arriving (slowly) would keep the connection busy after the answer.
        if (!ctx.req.complete) ctx.set('Connection', 'close');
        reject(new RequestTimedOut());
      }, timeoutMs);
    });
    const work = runInContext(deadline.signal, next, { clientAddress: ctx.ip || null, safeMethod: SAFE_METHODS.has(ctx.method) });
    work.catch(() => undefined); // a late failure of abandoned work is not unhandled
    try {
      await Promise.race([work, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
}
