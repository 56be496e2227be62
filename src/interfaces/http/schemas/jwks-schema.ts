import type { JsonSchema } from './json-schema.js';

// RFC 7517 §5: a JWK Set.
export const jwksSchema: JsonSchema = {
  type: 'object',
  properties: {
    keys: {
      type: 'array',
      items: {
        type: 'object',
        properties: { kty: { type: 'string' }, kid: { type: 'string' }, alg: { type: 'string' }, use: { const: 'sig' } },
        required: ['kty', 'kid', 'alg'],
      },
    },
  },
  required: ['keys'],
};
