import { answerJson } from '../json-answer.js';
import type { RouteSpec } from '../route-spec.js';

export function healthLiveRoute(): RouteSpec {
  return {
    method: 'get',
    path: '/health/live',
    operationId: 'healthLive',
    summary: 'Liveness: the process runs and answers',
    tags: ['health'],
    responses: {
      200: {
        description: 'The process is alive.',
        schema: { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] },
      },
    },
    handler: async (ctx) => {
      answerJson(ctx, 200, { status: 'ok' });
    },
  };
}
