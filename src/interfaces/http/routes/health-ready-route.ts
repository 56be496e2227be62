import { answerJson, NO_STORE } from '../json-answer.js';
import type { ReadinessReporter } from '../needs/readiness-reporter.js';
import type { RouteSpec } from '../route-spec.js';
import { notReadySchema, readySchema } from '../schemas/readiness-schema.js';

/**
 * Readiness for a load balancer: 200 while every critical check passes, else 503 with the
 * same shape naming the failing check. Plain JSON, not problem+json (a probe reads the
 * status; an operator reads `checks`).
 */
export function healthReadyRoute(readiness: ReadinessReporter): RouteSpec {
  return {
    method: 'get',
    path: '/health/ready',
    operationId: 'healthReady',
    summary: 'Readiness: the database answers and the service is not shutting down',
    tags: ['health'],
    responses: {
      200: { description: 'Ready to serve; `checks` shows each check.', schema: readySchema, headers: ['Cache-Control'] },
      503: { description: 'Not ready: a critical check is down (database unreachable, or shutting down).', schema: notReadySchema, headers: ['Cache-Control'] },
    },
    handler: async (ctx) => {
      const report = await readiness.report();
      answerJson(ctx, report.ready ? 200 : 503, { status: report.status, checks: report.checks }, NO_STORE);
    },
  };
}
