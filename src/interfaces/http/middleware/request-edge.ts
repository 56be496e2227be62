import type { Middleware, Next } from 'koa';
import type { AppContext, AppState } from '../app-state.js';
import type { DrainingFlag } from '../needs/draining-flag.js';
import type { HttpLogger } from '../needs/http-logger.js';
import type { RunInRequestContext } from '../needs/request-context.js';
import type { WriteRequestLine } from '../needs/request-line.js';
import type { RequestObserver } from '../needs/request-observer.js';
import { closeIfDraining } from './close-when-draining.js';
import { observeRequest } from './http-metrics.js';
import { answerError } from './problem-handler.js';
import { assignRequestId } from './request-id.js';
import { logRequest } from './request-logger.js';
import { requestTimeout } from './request-timeout.js';
import { corsFor, securityHeaders } from './security-headers.js';

export interface RequestEdgeOptions {
  readonly logger: HttpLogger;
  readonly writeRequestLine: WriteRequestLine;
  readonly metrics: RequestObserver;
  readonly lifecycle: DrainingFlag;
  readonly corsOrigins: readonly string[];
  readonly requestTimeoutMs: number;
  readonly runInRequestContext: RunInRequestContext;
}

/**
 * What every request goes through before its route, in this order: its id, the log line and
 * the metrics at its end, Connection: close while draining, security headers (and CORS),
 * problem mapping, the timeout. One middleware rather than eight (issue 18): each layer of
 * Koa's chain is a dispatch and a few promises on every request, more than the work it does.
 */
export function requestEdge(options: RequestEdgeOptions): Middleware<AppState> {
  const setSecurityHeaders = securityHeaders();
  const cors = options.corsOrigins.length > 0 ? corsFor(options.corsOrigins) : null;
  const timed = requestTimeout(options.requestTimeoutMs, options.runInRequestContext);
  // With CORS, the problem mapping runs inside it, so that an answered error is an answer to it.
  const answered = async (ctx: AppContext, next: Next): Promise<void> => {
    try {
      await timed(ctx, next);
    } catch (error) {
      answerError(ctx, error);
    }
  };
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    assignRequestId(ctx, options.logger);
    let escaped = false;
    try {
      setSecurityHeaders(ctx);
      if (cors) {
        await cors(ctx, () => answered(ctx, next));
      } else {
        try {
          await timed(ctx, next);
        } catch (error) {
          answerError(ctx, error);
        }
      }
    } catch (error) {
      escaped = true; // past the problem handler: Koa answers it 500
      throw error;
    } finally {
      closeIfDraining(ctx, options.lifecycle);
      observeRequest(options.metrics, ctx, started, escaped ? 500 : ctx.status);
      logRequest(ctx, started, options.writeRequestLine);
    }
  };
}
