import type { Middleware } from 'koa';
import type { AppState } from '../app-state.js';

/**
 * One line per request, at its end. The route template, never the raw path or query (which
 * may hold ids or tokens), and no headers at all (Authorization and cookies stay out).
 */
export function requestLogger(): Middleware<AppState> {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const fields = {
        method: ctx.method,
        route: (ctx as { _matchedRoute?: string })._matchedRoute ?? null,
        status: ctx.status,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        userId: ctx.state.userId,
        remoteAddress: ctx.ip,
      };
      if (ctx.status >= 500) ctx.state.log.error(fields, 'request');
      else ctx.state.log.info(fields, 'request');
    }
  };
}
