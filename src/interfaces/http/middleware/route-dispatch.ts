import type Router from '@koa/router';
import type { Middleware } from 'koa';
import compose from 'koa-compose';
import type { AppState } from '../app-state.js';
import { routeGuard } from './route-guard.js';

type Layer = Router<AppState>['stack'][number];

/**
 * The 404/405 guard, then the router; but a request for a route's exact path (no parameter),
 * which the router would match to that route alone, goes straight to the route's chain,
 * composed once at start (issue 18: the guard and the router each tried every route's
 * pattern, and the router composed the chain again, on every request). Whatever else, and
 * any spelling of a path but the route's own, takes the router as before.
 */
export function routeDispatch(router: Router<AppState>): Middleware<AppState> {
  const guard = routeGuard(router);
  const routes = router.routes() as unknown as Middleware<AppState>;
  const exact = exactRoutes(router);
  return (ctx, next) => {
    const route = exact.get(ctx.path)?.get(ctx.method);
    if (!route) return guard(ctx, () => routes(ctx, next));
    const routed = ctx as typeof ctx & Record<string, unknown>;
    // What the router leaves on the context for a matched route.
    routed.matched = [...route.matched];
    routed.router = router;
    routed.routeMatched = true;
    routed.captures = [];
    routed.params = (ctx.request as typeof ctx.request & { params?: object }).params = {};
    routed.routerPath = route.layer.path;
    routed.routerName = route.layer.name || undefined;
    routed._matchedRoute = route.layer.path;
    if (route.layer.name) routed._matchedRouteName = route.layer.name;
    return route.chain(ctx, next);
  };
}

interface ExactRoute {
  readonly layer: Layer;
  /** Every route of the path, whatever its method, as the router lists them. */
  readonly matched: readonly Layer[];
  readonly chain: Middleware<AppState>;
}

function exactRoutes(router: Router<AppState>): Map<string, Map<string, ExactRoute>> {
  const exact = new Map<string, Map<string, ExactRoute>>();
  for (const layer of router.stack) {
    if (typeof layer.path !== 'string' || layer.paramNames.length > 0) continue;
    const chain = compose(layer.stack) as Middleware<AppState>;
    for (const method of layer.methods) {
      const match = router.match(layer.path, method);
      // Only where the router itself would run this route and nothing else.
      if (match.pathAndMethod.length !== 1 || match.pathAndMethod[0] !== layer) continue;
      if (!exact.has(layer.path)) exact.set(layer.path, new Map());
      exact.get(layer.path)!.set(method, { layer, matched: match.path, chain });
    }
  }
  return exact;
}
