import type { JsonSchema } from '../schemas/json-schema.js';

// What a value of each format looks like, for samples of fields that carry no `examples`.
const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  uuid: '0f8fad5b-d9cb-469f-a165-70867728950e',
  'date-time': '2025-01-31T09:30:00.000Z',
  email: 'ann@example.com',
  uri: 'https://example.com/',
};

/**
 * A plausible value of a schema, for the document's examples: the schema's own `const`,
 * `examples` or `enum` first, then one built from its type. Swagger UI prefills "Try it out"
 * with it, so a request body example must pass the route's own validation.
 */
export function exampleFromSchema(schema: JsonSchema): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => [name, exampleFromSchema(property)]),
      );
    case 'array':
      return schema.items ? [exampleFromSchema(schema.items as JsonSchema)] : [];
    case 'string':
      return FORMAT_EXAMPLES[String(schema.format)] ?? 'string';
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}
