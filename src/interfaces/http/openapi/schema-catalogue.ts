import type { ReferenceObject, SchemaObject } from 'openapi3-ts/oas31';
import type { JsonSchema } from '../schemas/json-schema.js';
import { problemSchema } from '../schemas/problem-schema.js';
import { SCHEMA_NAMES } from './schema-names.js';

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

/** A 422 always lists the fields at fault: the problem with `errors` required. */
const VALIDATION_PROBLEM: JsonSchema = {
  allOf: [ref('Problem')],
  properties: { status: { const: 422 } },
  required: ['errors'],
};

/**
 * Hands out a $ref for each named schema (and remembers it, so components/schemas holds the
 * ones in use and no others), the schema itself inline for the rest.
 */
export class SchemaCatalogue {
  private readonly used = new Map<string, SchemaObject>();

  /** The schema of a body; `status` 422 with the problem schema gets the validation problem. */
  schemaFor(schema: JsonSchema, status?: number): SchemaObject | ReferenceObject {
    if (schema === problemSchema && status === 422) {
      this.use('Problem', problemSchema);
      return this.use('ValidationProblem', VALIDATION_PROBLEM);
    }
    const name = SCHEMA_NAMES.get(schema);
    return name ? this.use(name, schema) : (structuredClone(schema) as SchemaObject);
  }

  components(): Record<string, SchemaObject> {
    return Object.fromEntries([...this.used].sort(([a], [b]) => a.localeCompare(b)));
  }

  private use(name: string, schema: JsonSchema): ReferenceObject {
    this.used.set(name, structuredClone(schema) as SchemaObject);
    return ref(name);
  }
}
