import type { HeaderObject } from 'openapi3-ts/oas31';

/** Set on every response by middleware/request-id.ts. */
export const REQUEST_ID_HEADER: HeaderObject = {
  description:
    'The request id: the caller’s own `X-Request-Id` when it sent a sane one (at most 128 of `[A-Za-z0-9._:-]`), else a fresh one. ' +
    'Every log line of the request and `requestId` of a problem carry it.',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
};

// The headers routes name in their ResponseSpec; their presence is the route's promise, so
// they are not marked required (one status may have several causes, not all of which set it).
const KNOWN_HEADERS: Readonly<Record<string, HeaderObject>> = {
  Location: { description: 'Where the resource is read.', schema: { type: 'string', examples: ['/users/me'] } },
  'Retry-After': { description: 'Seconds to wait before trying again (RFC 9110 §10.2.3).', schema: { type: 'integer', minimum: 0 } },
  'WWW-Authenticate': {
    description: 'RFC 6750 §3: `Bearer error="invalid_token"` tells the client to get a new access token.',
    schema: { type: 'string', examples: ['Bearer error="invalid_token"'] },
  },
  'Cache-Control': { description: 'Whether and how long the answer may be stored (`no-store` for tokens).', schema: { type: 'string' } },
  Allow: { description: 'The methods this path answers.', schema: { type: 'string', examples: ['POST'] } },
  'Content-Security-Policy': { description: 'The page loads nothing but what this service serves.', schema: { type: 'string' } },
};

export function headerObject(name: string): HeaderObject {
  return KNOWN_HEADERS[name] ?? { schema: { type: 'string' } };
}
