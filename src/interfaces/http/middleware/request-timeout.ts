import type { Middleware } from 'koa';
import type { AppState } from '../app-state.js';
import { RequestTimedOut } from '../http-errors.js';

/**
 * Answers 503 when a request is still running after `timeoutMs`, so that a stuck database
 * or upstream never holds a client past the contract's limit. The abandoned work finishes
 * (or fails) on its own; its late result is dropped.
 */
export function requestTimeout(timeoutMs: number): Middleware<AppState> {
  return async (ctx, next) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestTimedOut()), timeoutMs);
    });
    const work = next();
    work.catch(() => undefined); // a late failure of abandoned work is not unhandled
    try {
      await Promise.race([work, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
}
