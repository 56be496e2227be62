import type { JsonSchema } from './json-schema.js';

export const sessionListSchema: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      createdAt: { type: 'string', format: 'date-time' },
      lastUsedAt: { type: 'string', format: 'date-time' },
      userAgent: { type: ['string', 'null'] },
      ip: { type: ['string', 'null'] },
      current: { type: 'boolean', description: 'The session of the access token making this request.' },
    },
    required: ['id', 'createdAt', 'lastUsedAt', 'userAgent', 'ip', 'current'],
    additionalProperties: false,
  },
};
