import { answerJson } from '../json-answer.js';
import type { RouteSpec } from '../route-spec.js';
import { RouteNotFound } from '../http-errors.js';
import { jwksSchema } from '../schemas/jwks-schema.js';
import { problem } from './responses.js';

/** RFC 7517 key set of the public keys that verify our tokens; none with a shared secret. */
export function jwksRoute(jwks: readonly object[]): RouteSpec {
  const body = { keys: jwks };
  return {
    method: 'get',
    path: '/.well-known/jwks.json',
    operationId: 'getJwks',
    summary: 'Public keys that verify access tokens (asymmetric signing only)',
    tags: ['keys'],
    responses: {
      200: { description: 'The signing key and any previous keys still accepted.', schema: jwksSchema, headers: ['Cache-Control'] },
      404: problem('Tokens are signed with a shared secret (HS256): there is no public key.'),
    },
    handler: async (ctx) => {
      if (jwks.length === 0) throw new RouteNotFound();
      // Short enough that a rotated-in key is seen well before it signs anything.
      answerJson(ctx, 200, body, ['cache-control', 'public, max-age=300']);
    },
  };
}
