import type { JsonSchema } from './json-schema.js';

// RFC 6749 §5.1 names, so that OAuth2-aware clients read it as is.
export const tokenResponseSchema: JsonSchema = {
  type: 'object',
  properties: {
    access_token: { type: 'string', description: 'A compact JWS (JWT) to send as `Authorization: Bearer`.' },
    token_type: { type: 'string', const: 'Bearer' },
    expires_in: { type: 'integer', description: 'Seconds until the access token expires.', examples: [900] },
    refresh_token: { type: 'string', description: 'Opaque; spent by its next use at /auth/refresh.' },
  },
  required: ['access_token', 'token_type', 'expires_in', 'refresh_token'],
  additionalProperties: false,
};
