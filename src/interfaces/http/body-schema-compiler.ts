import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonSchema } from './schemas/json-schema.js';

// Strict: a keyword ajv does not know, or a schema it cannot honour, is an error, not ignored.
const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });

/**
 * A route's body schema compiled at its first use, once. Compiling the ~25 schemas at start
 * took ~130 ms of it (ajv generates and evaluates a function for each); the first request
 * on a route pays its ~5 ms instead. test/integration/openapi/body-schemas.test.ts compiles
 * every mounted route's schema, so a schema ajv refuses fails the tests, not a request.
 */
export function compiledOnFirstUse(schema: JsonSchema): () => ValidateFunction {
  let validate: ValidateFunction | undefined;
  return () => (validate ??= ajv.compile(schema));
}
