import type { MetricsExposition } from '../needs/metrics-exposition.js';
import { bearerSecretCheck } from '../bearer-secret.js';
import { MetricsTokenRequired } from '../http-errors.js';
import type { RouteSpec } from '../route-spec.js';
import { problem } from './responses.js';

/** Prometheus scrape endpoint; behind `Authorization: Bearer <METRICS_TOKEN>` when one is set. */
export function metricsRoute(metrics: MetricsExposition, metricsToken: string | null): RouteSpec {
  const carriesToken = metricsToken === null ? null : bearerSecretCheck(metricsToken);
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
      if (carriesToken && !carriesToken(ctx.get('Authorization'))) throw new MetricsTokenRequired();
      ctx.set('Cache-Control', 'no-store');
      ctx.type = metrics.contentType;
      ctx.body = await metrics.exposition();
    },
  };
}
