import cors from '@koa/cors';
import type { Middleware } from 'koa';
import helmet from 'koa-helmet';
import type { AppState } from '../app-state.js';

/**
 * Headers for a JSON API (koa-helmet): nothing may be framed, sniffed or sent a Referer, and
 * no content is loaded by a response (routes that serve a page, /docs, set their own CSP).
 * HSTS only when the request really came over HTTPS (directly, or per a trusted proxy).
 */
export function securityHeaders(): Middleware<AppState> {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  }) as unknown as Middleware<AppState>;
  return async (ctx, next) => {
    if (ctx.secure) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    await headers(ctx, next);
  };
}

/**
 * CORS for the configured origins only (@koa/cors). Clients authenticate with bearer tokens,
 * not cookies, so credentials are never allowed, let alone with a wildcard.
 */
export function corsFor(origins: readonly string[]): Middleware<AppState> {
  const allowed = new Set(origins);
  return cors({
    origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : ''),
    credentials: false,
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Location', 'Retry-After', 'WWW-Authenticate'],
    maxAge: 600,
  }) as unknown as Middleware<AppState>;
}
