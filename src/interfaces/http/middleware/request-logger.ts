import { clientAddress, type AppContext } from '../app-state.js';
import type { RequestLineLevel, WriteRequestLine } from '../needs/request-line.js';

/**
 * One line per request, at its end. The route template, never the raw path or query (which
 * may hold ids or tokens), and no headers at all (Authorization and cookies stay out).
 */
// Probes and scrapes arrive every few seconds from every balancer and Prometheus: their
// successful answers are logged at debug, so that they do not drown the real traffic.
const PROBES = new Set(['/health/live', '/health/ready', '/metrics']);

/** `started`: process.hrtime.bigint() when the request arrived. */
export function logRequest(ctx: AppContext, started: bigint, write: WriteRequestLine): void {
  const route = (ctx as { _matchedRoute?: string })._matchedRoute ?? null;
  const status = ctx.status;
  const level: RequestLineLevel = status >= 500 ? 'error' : status < 400 && PROBES.has(route ?? '') ? 'debug' : 'info';
  if (!write.writes(level)) return;
  write(level, ctx.state.requestId, {
    method: ctx.method,
    route,
    status,
    durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    userId: ctx.state.userId,
    remoteAddress: clientAddress(ctx),
  });
}
