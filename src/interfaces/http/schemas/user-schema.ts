import type { JsonSchema } from './json-schema.js';

export const userSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: 'string', format: 'email' },
    emailVerified: { type: 'boolean' },
    emailVerifiedAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'email', 'emailVerified', 'createdAt'],
  additionalProperties: false,
};
