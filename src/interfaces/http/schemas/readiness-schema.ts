import type { JsonSchema } from './json-schema.js';

/** The answer of GET /health/ready, 200 and 503 alike. */
export const readinessSchema: JsonSchema = {
  type: 'object',
  properties: {
    status: { enum: ['ok', 'down'], description: '"down" when a critical check is down (503).' },
    checks: {
      type: 'object',
      description: 'One entry per registered check: `database`, `lifecycle` (down while shutting down), and others such as `breakers`.',
      additionalProperties: {
        type: 'object',
        properties: {
          status: { enum: ['ok', 'degraded', 'down'] },
          reason: { type: 'string', description: 'Why it is not ok: `timeout`, `error`, `draining`...' },
        },
        required: ['status'],
      },
    },
  },
  required: ['status', 'checks'],
  examples: [{ status: 'ok', checks: { database: { status: 'ok', kind: 'sqlite', latencyMs: 0.4 }, lifecycle: { status: 'ok' } } }],
};
