import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { RouteSpec } from '../route-spec.js';
import { buildOpenApiDocument } from './build-openapi-document.js';
import { openApiRoute } from './openapi-route.js';
import { packageVersion } from './package-version.js';
import { swaggerUiRoutes } from './swagger-ui-routes.js';

/**
 * The service's routes followed by /openapi.json, /docs and its files. The document is built
 * here, at start, from this final list, so it describes the documentation routes as well and
 * a route that cannot be documented (say, a duplicate operationId) stops the start.
 */
export function withApiDocumentation(routes: readonly RouteSpec[]): RouteSpec[] {
  const all: RouteSpec[] = [...routes, openApiRoute(() => document), ...swaggerUiRoutes()];
  const document: OpenAPIObject = buildOpenApiDocument(all, { version: packageVersion() });
  return all;
}
