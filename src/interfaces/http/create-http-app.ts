import Router from '@koa/router';
import Koa from 'koa';
import type { AuthenticateAccessToken } from '../../application/use-cases/authenticate-access-token.js';
import type { AppState } from './app-state.js';
import { requestEdge } from './middleware/request-edge.js';
import { routeDispatch } from './middleware/route-dispatch.js';
import { mountRoutes } from './mount-routes.js';
import type { DrainingFlag } from './needs/draining-flag.js';
import type { HttpLogger } from './needs/http-logger.js';
import type { RunInRequestContext } from './needs/request-context.js';
import type { WriteRequestLine } from './needs/request-line.js';
import type { RequestObserver } from './needs/request-observer.js';
import type { RouteSpec } from './route-spec.js';

export interface HttpAppOptions {
  readonly logger: HttpLogger;
  /** The request line at the end of every request, as the logger's child for it would write it. */
  readonly writeRequestLine: WriteRequestLine;
  readonly routes: readonly RouteSpec[];
  readonly authenticate: AuthenticateAccessToken;
  readonly bodyLimitBytes: number;
  /** ADMIN_API_KEY, guarding the admin routes; null: there are none. */
  readonly adminApiKey: string | null;
  readonly requestTimeoutMs: number;
  /** Believe X-Forwarded-For / -Proto (only behind a proxy that sets them). */
  readonly trustProxy: boolean;
  /** Origins allowed to call from a browser (CORS); none: no CORS headers at all. */
  readonly corsOrigins: readonly string[];
  /** Request durations and business counters for /metrics. */
  readonly metrics: RequestObserver;
  /** Tells whether the service is shutting down (answers then close their connection). */
  readonly lifecycle: DrainingFlag;
  /** Carries each request's deadline and client address through its work. */
  readonly runInRequestContext: RunInRequestContext;
}

/**
 * The Koa application. A request flows: id -> log line -> metrics -> Connection: close while
 * draining -> security headers (and CORS) ->
 * problem mapping -> timeout ->
 * 404/405 guard -> route (bearer check, JSON body, schema) -> handler -> use case.
 */
export function createHttpApp(options: HttpAppOptions): Koa<AppState> {
  // Behind one trusted proxy, the client is the last X-Forwarded-For entry (the proxy's own
  // addition); the entries before it are whatever the client chose to send.
  const app = new Koa<AppState>({ proxy: options.trustProxy, maxIpsCount: options.trustProxy ? 1 : 0 });
  const router = new Router<AppState>();
  mountRoutes(router, options.routes, options);
  const edge = requestEdge(options);
  const dispatch = routeDispatch(router);
  app.use((ctx, next) => edge(ctx, () => dispatch(ctx, next)));
  // Errors that escape the middleware (e.g. a client that hung up mid-response).
  app.on('error', (error: Error) => options.logger.warn({ err: error }, 'connection error'));
  return app;
}
