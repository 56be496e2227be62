import type { Middleware } from 'koa';
import { clientAddress, type AppContext, type AppState } from '../app-state.js';
import { RequestTimedOut } from '../http-errors.js';
import type { RequestFacts, RunInRequestContext } from '../needs/request-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Answers 503 when a request is still running after `timeoutMs`, so that a stuck database
 * or upstream never holds a client past the contract's limit. The abandoned work is told
 * (runInContext): it begins and commits nothing more, and its late result is dropped.
 */
export function requestTimeout(timeoutMs: number, runInContext: RunInRequestContext): Middleware<AppState> {
  return (ctx, next) => {
    // Made only for work that carries it (RunInRequestContext): most GETs never ask.
    let deadline: AbortController | undefined;
    let late = false;
    const signal = () => {
      if (!deadline) {
        deadline = new AbortController();
        if (late) deadline.abort();
      }
      return deadline.signal;
    };
    let timer: NodeJS.Timeout | undefined;
    // Whichever comes first; a late failure of abandoned work settles nothing (and is not unhandled).
    return new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => {
        late = true;
        deadline?.abort();
        // A body still arriving (slowly) would keep the connection busy after the answer.
        if (!ctx.req.complete) ctx.set('Connection', 'close');
        reject(new RequestTimedOut());
      }, timeoutMs);
      runInContext(signal, next, new FactsOf(ctx)).then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error as Error);
        },
      );
    });
  };
}

/**
 * The request's facts, each read when asked: the work of a safe method on SQLite runs without
 * its context and asks for none of them (~0.3 µs a request, issue 18).
 */
class FactsOf implements RequestFacts {
  constructor(private readonly ctx: AppContext) {}

  get clientAddress(): string | null {
    return clientAddress(this.ctx);
  }

  get safeMethod(): boolean {
    return SAFE_METHODS.has(this.ctx.method);
  }

  get requestId(): string {
    return this.ctx.state.requestId;
  }

  get userAgent(): string | null {
    return this.ctx.get('User-Agent') || null;
  }
}
