import type { ParameterObject } from 'openapi3-ts/oas31';

export interface OpenApiPath {
  /** The path template as OpenAPI writes it: `/users/me/sessions/{id}`. */
  readonly template: string;
  readonly parameters: ParameterObject[];
}

const KOA_PARAMETER = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/** Turns a Koa path (`/x/:id`) into an OpenAPI template (`/x/{id}`) and its path parameters. */
export function toOpenApiPath(koaPath: string): OpenApiPath {
  const names = [...koaPath.matchAll(KOA_PARAMETER)].map((match) => match[1]!);
  return {
    template: koaPath.replace(KOA_PARAMETER, '{$1}'),
    // OpenAPI 3.1 §4.8.12.1: a path parameter is always required.
    parameters: names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
  };
}
