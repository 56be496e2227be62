import { OpenApiBuilder, type OpenAPIObject } from 'openapi3-ts/oas31';
import type { RouteSpec } from '../route-spec.js';
import { problem } from '../routes/responses.js';
import { toOperation, ADMIN_SCHEME, BEARER_SCHEME } from './openapi-operation.js';
import { toOpenApiPath } from './openapi-path.js';
import { toResponse } from './openapi-response.js';
import { REQUEST_ID_HEADER } from './response-headers.js';
import { SchemaCatalogue } from './schema-catalogue.js';

export interface DocumentInfo {
  /** The service's version (package.json). */
  readonly version: string;
}

const DESCRIPTION = [
  'Registration, login with JWT access tokens, and refresh-token sessions.',
  '',
  'JSON in and out (`application/json; charset=utf-8`). Every error is an RFC 9457 `application/problem+json` body with `requestId`;',
  'a 422 lists each field at fault in `errors`. Every response carries `X-Request-Id`.',
  'A path no route knows is answered 404, a known path with another method 405 with `Allow` (see components/responses).',
].join('\n');

const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  auth: 'Accounts and sessions: register, log in, refresh, log out.',
  users: 'The caller’s own account.',
  sessions: 'The caller’s sessions (refresh-token families).',
  recovery: 'Password reset and e-mail verification by mailed link.',
  passkeys: 'Passkeys (WebAuthn Level 3): passwordless login, and a second factor of the password login.',
  keys: 'Public keys that verify access tokens.',
  health: 'Probes for orchestrators.',
  metrics: 'Prometheus metrics.',
  admin: 'The admin API (on only with ADMIN_API_KEY): accounts, their sessions and second factors.',
  documentation: 'This document and the Swagger UI that shows it.',
};

/**
 * The OpenAPI 3.1 document of exactly the routes the router mounts, from the same RouteSpec
 * list: a route cannot exist without its entry, nor a body schema differ from the one ajv uses.
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[], info: DocumentInfo): OpenAPIObject {
  const schemas = new SchemaCatalogue();
  const builder = OpenApiBuilder.create()
    .addOpenApiVersion('3.1.0')
    .addInfo({ title: 'auth-service', version: info.version, description: DESCRIPTION })
    // Relative: "Try it out" calls the origin that served the document.
    .addServer({ url: '/', description: 'This service' })
    .addSecurityScheme(BEARER_SCHEME, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'The `access_token` answered by POST /auth/login or POST /auth/refresh.',
    })
    .addHeader('X-Request-Id', REQUEST_ID_HEADER)
    .addResponse('NotFound', toResponse(404, problem('No route has this path.'), '/no/such/path', schemas))
    .addResponse('MethodNotAllowed', toResponse(405, problem('The path exists, the method does not; `Allow` lists the methods.', ['Allow']), '/auth/login', schemas));
  // Only where the admin API is on (ADMIN_API_KEY set): otherwise it has no routes to guard.
  if (routes.some((route) => route.admin)) {
    builder.addSecurityScheme(ADMIN_SCHEME, { type: 'http', scheme: 'bearer', description: 'ADMIN_API_KEY, as configured on the service.' });
  }
  const seen = new Set<string>();
  for (const route of routes.filter((candidate) => !candidate.undocumented)) {
    const path = toOpenApiPath(route.path);
    for (const key of [`${route.method} ${path.template}`, route.operationId]) {
      if (seen.has(key)) throw new Error(`OpenAPI: two routes share "${key}"`);
      seen.add(key);
    }
    builder.addPath(path.template, { [route.method]: toOperation(route, path, schemas) });
  }
  for (const name of new Set(routes.filter((route) => !route.undocumented).flatMap((route) => route.tags))) {
    builder.addTag({ name, ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}) });
  }
  for (const [name, schema] of Object.entries(schemas.components())) builder.addSchema(name, schema);
  return builder.getSpec();
}
