import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { RouteSpec } from '../route-spec.js';

/** GET /openapi.json: the document, serialised once on first use. */
export function openApiRoute(document: () => OpenAPIObject): RouteSpec {
  let json: string | undefined;
  return {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI 3.1 document',
    tags: ['documentation'],
    responses: {
      200: {
        description: 'The OpenAPI 3.1 document of every route of the service, built from the routes themselves.',
        schema: { type: 'object', properties: { openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' } }, required: ['openapi', 'info', 'paths'] },
        headers: ['Cache-Control'],
      },
    },
    handler: async (ctx) => {
      json ??= JSON.stringify(document());
      // Revalidate: a redeployed service may have other routes.
      ctx.set('Cache-Control', 'no-cache');
      ctx.type = 'application/json';
      ctx.body = json;
    },
  };
}
