import type { JsonSchema } from './json-schema.js';

const checkResult: JsonSchema = {
  type: 'object',
  properties: {
    status: { enum: ['ok', 'degraded', 'down'] },
    reason: { type: 'string', description: 'Why it is not ok: `timeout`, `error`, `draining`.' },
  },
  required: ['status'],
};

/** The answer of GET /health/ready: one shape for 200 (`ok`) and 503 (`down`). */
function readinessSchema(status: 'ok' | 'down', example: object): JsonSchema {
  return {
    type: 'object',
    properties: {
      status: { const: status },
      checks: {
        type: 'object',
        description: 'One entry per check: `database` and `lifecycle` (both critical), `breakers` when an upstream is configured.',
        additionalProperties: checkResult,
      },
    },
    required: ['status', 'checks'],
    examples: [{ status, checks: example }],
  };
}

export const readySchema = readinessSchema('ok', { database: { status: 'ok', kind: 'mysql', latencyMs: 0.8 }, lifecycle: { status: 'ok' } });
export const notReadySchema = readinessSchema('down', {
  database: { status: 'down', reason: 'timeout', timeoutMs: 1000 },
  lifecycle: { status: 'ok' },
});
