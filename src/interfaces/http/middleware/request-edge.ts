import type { Middleware, Next } from 'koa';
import type { AppContext, AppState, JsonAnswer } from '../app-state.js';
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
import { corsFor, securityHeaders, type SecurityHeaders } from './security-headers.js';

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
 * The head is written at the end: a JSON answer the route left (json-answer.ts) in one call,
 * with the security headers and the request id; any other answer by Koa, with them added.
 */
export function requestEdge(options: RequestEdgeOptions): Middleware<AppState> {
  const security = securityHeaders();
  const cors = options.corsOrigins.length > 0 ? corsFor(options.corsOrigins) : null;
  const timed = requestTimeout(options.requestTimeoutMs, options.runInRequestContext);
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
      // With CORS, the problem mapping runs inside it, so that an answered error is an answer to it.
      await (cors ? cors(ctx, () => answered(ctx, next)) : answered(ctx, next));
    } catch (error) {
      escaped = true; // past the problem handler: Koa answers it 500
      throw error;
    } finally {
      if (!escaped) {
        closeIfDraining(ctx, options.lifecycle);
        const answer = ctx.state.answer;
        if (answer) writeAnswer(ctx, answer, security.forHead(ctx));
        else addHeaders(ctx, security);
      }
      observeRequest(options.metrics, ctx, started, escaped ? 500 : ctx.status);
      logRequest(ctx, started, options.writeRequestLine);
    }
  };
}

/**
 * Writes a route's JSON answer: its whole head in one `writeHead` (Node validates each header
 * there once and keeps no copy in the response object), its body in one `end` (none for HEAD:
 * Node sends no body to it). Headers set the other way before (CORS, Connection: close) are
 * kept: Node merges them. A client that has gone gets nothing; Koa ends the response.
 */
function writeAnswer(ctx: AppContext, answer: JsonAnswer, securityHead: readonly string[]): void {
  if (!ctx.writable) return;
  ctx.respond = false;
  ctx.res.writeHead(answer.status, [
    ...securityHead,
    'x-request-id',
    ctx.state.requestId,
    'content-type',
    JSON_UTF8,
    'content-length',
    String(Buffer.byteLength(answer.json)),
    ...answer.headers,
  ]);
  ctx.res.end(answer.json);
}

/** An answer Koa writes (ctx.body: problems, pages, text) gets the same headers beside its own. */
function addHeaders(ctx: AppContext, security: SecurityHeaders): void {
  security.addTo(ctx);
  ctx.res.setHeader('x-request-id', ctx.state.requestId);
}

const JSON_UTF8 = 'application/json; charset=utf-8';
