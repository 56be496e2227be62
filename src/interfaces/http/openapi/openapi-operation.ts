import type { OperationObject, ResponsesObject } from 'openapi3-ts/oas31';
import type { RouteSpec } from '../route-spec.js';
import { responsesOf } from './common-responses.js';
import { exampleFromSchema } from './example-from-schema.js';
import type { OpenApiPath } from './openapi-path.js';
import { JSON_MEDIA_TYPE, toResponse } from './openapi-response.js';
import type { SchemaCatalogue } from './schema-catalogue.js';

export const BEARER_SCHEME = 'bearerAuth';
/** The admin API's own credential (ADMIN_API_KEY): a user's access token never opens it. */
export const ADMIN_SCHEME = 'adminKey';

/** The operation of one route: the body mountRoutes validates, and every answer it can give. */
export function toOperation(route: RouteSpec, path: OpenApiPath, schemas: SchemaCatalogue): OperationObject {
  const responses: ResponsesObject = {};
  const parameters = [...path.parameters, ...(route.query ?? []).map((query) => ({ name: query.name, in: 'query' as const, required: false, description: query.description, schema: query.schema }))];
  for (const [status, spec] of Object.entries(responsesOf(route))) {
    responses[status] = toResponse(Number(status), spec, path.template, schemas, route.body);
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [...route.tags],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.bearer ? { security: [{ [BEARER_SCHEME]: [] }] } : {}),
    ...(route.admin ? { security: [{ [ADMIN_SCHEME]: [] }] } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { [JSON_MEDIA_TYPE]: { schema: schemas.schemaFor(route.body), example: exampleFromSchema(route.body) } },
          },
        }
      : {}),
    responses,
  };
}
