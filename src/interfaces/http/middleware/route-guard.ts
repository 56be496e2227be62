import type Router from '@koa/router';
import type { Middleware } from 'koa';
import type { AppState } from '../app-state.js';
import { MethodNotAllowed, RouteNotFound } from '../http-errors.js';

/**
 * Refuses, before any parsing, a path no route knows (404) or a method it does not answer
 * (405 with Allow), both as problems. Runs ahead of the router so that a handler's own 404
 * (e.g. "no such session") is never mistaken for an unknown route.
 */
export function routeGuard(router: Router): Middleware<AppState> {
  return async (ctx, next) => {
    const match = router.match(ctx.path, ctx.method);
    if (match.route) return next();
    const allow = [...new Set(match.path.flatMap((layer) => layer.methods))];
    if (allow.length === 0) throw new RouteNotFound();
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      ctx.set('Allow', allow.join(', '));
      return;
    }
    throw new MethodNotAllowed(allow);
  };
}
