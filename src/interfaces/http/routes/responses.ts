import { mfaRequiredProblemSchema } from '../schemas/mfa-schemas.js';
import { problemSchema } from '../schemas/problem-schema.js';
import type { ResponseSpec } from '../route-spec.js';

/** A problem+json response of a route, for its spec. */
export function problem(description: string, headers: readonly string[] = []): ResponseSpec {
  return { description, schema: problemSchema, headers };
}

export const invalidBody = problem('The body is not an object of the documented shape, or breaks a rule; `errors` lists each field.');
export const invalidAccessToken = problem('Missing, malformed, expired or revoked access token.', ['WWW-Authenticate']);
export const unavailable = problem('The database or an upstream cannot answer now.', ['Retry-After']);
export const tooManyAttempts = problem('Too many attempts from this address or for this account; wait as Retry-After says.', ['Retry-After']);
/** A 403 that may be `mfa-required` (RFC 9457 extension members `mfaToken` and `methods`). */
export function mfaRequired(description: string): ResponseSpec {
  return { description, schema: mfaRequiredProblemSchema, mediaType: 'application/problem+json' };
}
export const invalidRefreshToken = problem('Unknown, expired, revoked or already used refresh token (one answer for all).', ['WWW-Authenticate']);
