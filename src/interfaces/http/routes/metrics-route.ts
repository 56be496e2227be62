import { createHash, timingSafeEqual } from 'node:crypto';
import type { MetricsExposition } from '../needs/metrics-exposition.js';
import type { AppContext } from '../app-state.js';
import { MetricsTokenRequired } from '../http-errors.js';
import type { RouteSpec } from '../route-spec.js';
import { problem } from './responses.js';

/** Prometheus scrape endpoint; behind `Authorization: Bearer <METRICS_TOKEN>` when one is set. */
export function metricsRoute(metrics: MetricsExposition, metricsToken: string | null): RouteSpec {
  return {
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    summary: 'Prometheus metrics: request durations, registrations, logins, process and Node.js',
    tags: ['health'],
    responses: {
      200: { description: 'Prometheus text exposition format 0.0.4.', schema: { type: 'string' }, mediaType: 'text/plain; version=0.0.4', headers: ['Cache-Control'] },
      401: problem('METRICS_TOKEN is set and the request does not carry it as a bearer token (`WWW-Authenticate: Bearer realm="metrics"`).'),
    },
    handler: async (ctx) => {
      if (metricsToken !== null && !carriesToken(ctx, metricsToken)) throw new MetricsTokenRequired();
      ctx.set('Cache-Control', 'no-store');
      ctx.type = metrics.contentType;
      ctx.body = await metrics.exposition();
    },
  };
}

// Compared as SHA-256 digests: equal lengths for timingSafeEqual, and the time taken says
// nothing about how much of the token a guess got right.
function carriesToken(ctx: AppContext, expected: string): boolean {
  const offered = /^Bearer +(\S+)$/i.exec(ctx.get('Authorization'))?.[1] ?? '';
  return timingSafeEqual(digest(offered), digest(expected));
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
