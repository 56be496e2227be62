import type Router from '@koa/router';
import type { Middleware } from 'koa';
import type { AuthenticateAccessToken } from '../../application/use-cases/authenticate-access-token.js';
import type { AppState } from './app-state.js';
import { compiledOnFirstUse } from './body-schema-compiler.js';
import { adminKey } from './middleware/admin-key.js';
import { bearerAuth } from './middleware/bearer-auth.js';
import { jsonBody } from './middleware/json-body.js';
import { validateBody } from './middleware/validate-body.js';
import type { RouteSpec } from './route-spec.js';

export interface MountOptions {
  readonly authenticate: AuthenticateAccessToken;
  readonly bodyLimitBytes: number;
  /** ADMIN_API_KEY; null: the admin API is off, and no admin route may be given. */
  readonly adminApiKey?: string | null;
}

/**
 * Puts each route on the router with what its spec asks for: the bearer check first (no
 * parsing for strangers), then the JSON body and its schema (compiled at the route's first body).
 */
export function mountRoutes(router: Router<AppState>, routes: readonly RouteSpec[], options: MountOptions): void {
  const bearer = bearerAuth(options.authenticate);
  const body = jsonBody(options.bodyLimitBytes);
  const admin = options.adminApiKey ? adminKey(options.adminApiKey) : null;
  for (const route of routes) {
    const chain: Middleware<AppState>[] = [];
    if (route.bearer) chain.push(bearer);
    if (route.admin) {
      if (!admin) throw new Error(`${route.operationId}: an admin route without ADMIN_API_KEY`);
      chain.push(admin);
    }
    if (route.body) chain.push(body, validateBody(compiledOnFirstUse(route.body)));
    chain.push((ctx) => route.handler(ctx));
    router.register(route.path, [route.method.toUpperCase()], chain as never, { name: route.operationId });
  }
}
