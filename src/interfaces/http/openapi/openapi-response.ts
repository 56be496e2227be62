import type { HeaderObject, MediaTypeObject, ReferenceObject, ResponseObject } from 'openapi3-ts/oas31';
import type { ResponseSpec } from '../route-spec.js';
import type { JsonSchema } from '../schemas/json-schema.js';
import { problemSchema } from '../schemas/problem-schema.js';
import { exampleFromSchema } from './example-from-schema.js';
import { problemExample } from './problem-example.js';
import { headerObject } from './response-headers.js';
import type { SchemaCatalogue } from './schema-catalogue.js';

export const JSON_MEDIA_TYPE = 'application/json';
// RFC 9457 §3.
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const REQUEST_ID_REF: ReferenceObject = { $ref: '#/components/headers/X-Request-Id' };

/** One documented response: its body by media type, X-Request-Id and the headers it names. */
export function toResponse(status: number, spec: ResponseSpec, path: string, schemas: SchemaCatalogue, requestBody?: JsonSchema): ResponseObject {
  const headers: Record<string, HeaderObject | ReferenceObject> = { 'X-Request-Id': REQUEST_ID_REF };
  for (const name of spec.headers ?? []) headers[name] = headerObject(name);
  if (!spec.schema) return { description: spec.description, headers };
  const problem = spec.schema === problemSchema;
  const mediaType = spec.mediaType ?? (problem ? PROBLEM_MEDIA_TYPE : JSON_MEDIA_TYPE);
  const body: MediaTypeObject = { schema: schemas.schemaFor(spec.schema, status) };
  const example = problem ? problemExample(status, spec.description, path, requestBody) : mediaType === JSON_MEDIA_TYPE ? exampleFromSchema(spec.schema) : undefined;
  if (example !== undefined) body.example = example;
  return { description: spec.description, headers, content: { [mediaType]: body } };
}
