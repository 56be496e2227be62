import type { AppContext } from './app-state.js';
import type { JsonSchema } from './schemas/json-schema.js';

export interface ResponseSpec {
  readonly description: string;
  /** The body's schema; problem responses use the shared problem schema. */
  readonly schema?: JsonSchema;
  /**
   * The body's media type when it is not JSON (`text/html`, `text/plain; version=0.0.4`...).
   * Absent: application/json, or application/problem+json for the problem schema.
   */
  readonly mediaType?: string;
  /** Response headers worth documenting (Location, Retry-After, WWW-Authenticate...). */
  readonly headers?: readonly string[];
}

export interface QueryParameterSpec {
  readonly name: string;
  readonly description: string;
  readonly schema: JsonSchema;
}

/**
 * A route as data: the router mounts it (with bearer check and body validation from the same
 * fields) and the OpenAPI document describes it, so the two cannot drift apart.
 */
export interface RouteSpec {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  /** Koa-style path: `/users/me/sessions/:id`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** Needs `Authorization: Bearer <access token>`. */
  readonly bearer?: boolean;
  /** Needs `Authorization: Bearer <ADMIN_API_KEY>` (an admin route: mounted only when the key is set). */
  readonly admin?: true;
  /** Query parameters, for the document; the handler reads and checks them. */
  readonly query?: readonly QueryParameterSpec[];
  /** The JSON body's schema; validated before the handler runs. */
  readonly body?: JsonSchema;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Mounted, but left out of the OpenAPI document (Swagger UI's files: no client calls them). */
  readonly undocumented?: true;
  readonly handler: (ctx: AppContext) => Promise<void>;
}
