import cors from '@koa/cors';
import type { Middleware } from 'koa';
import helmet from 'koa-helmet';
import type { AppContext, AppState } from '../app-state.js';

const HSTS = ['strict-transport-security', 'max-age=31536000; includeSubDomains'] as const;

/** Every answer's security headers, read once at start; the two ways an answer gets them. */
export interface SecurityHeaders {
  /** As name, value, name, value... for a head written in one call (request-edge.ts). */
  forHead(ctx: AppContext): readonly string[];
  /** Onto an answer Koa writes, each header its route has not set itself (/docs: its CSP). */
  addTo(ctx: AppContext): void;
}

/**
 * Headers for a JSON API (koa-helmet): nothing may be framed, sniffed or sent a Referer, and
 * no content is loaded by a response (routes that serve a page, /docs, set their own CSP).
 * HSTS only when the request really came over HTTPS (directly, or per a trusted proxy).
 * Not the helmet defaults that concern a page a browser renders, never this JSON (IE 8's
 * download prompt, the retired XSS auditors, DNS prefetching, origin-keyed agent clusters);
 * the one page, /docs, has a CSP of its own and loads nothing from elsewhere. Each header is
 * two validations and a line of the head of every answer (issue 18).
 */
export function securityHeaders(): SecurityHeaders {
  const headers = helmetHeaders(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
      xDownloadOptions: false,
      xXssProtection: false,
      xDnsPrefetchControl: false,
      originAgentCluster: false,
    }) as unknown as Middleware<AppState>,
  );
  const flat = headers.set.flat();
  const flatWithHsts = [...flat, ...HSTS];
  return {
    forHead: (ctx) => (ctx.secure ? flatWithHsts : flat),
    addTo: (ctx) => {
      const res = ctx.res;
      for (const [name, value] of headers.set) if (!res.hasHeader(name)) res.setHeader(name, value);
      if (ctx.secure) res.setHeader(HSTS[0], HSTS[1]);
      for (const name of headers.removed) res.removeHeader(name);
    },
  };
}

/**
 * What helmet writes, read once at start: with these options every header it sets is the same
 * for every request, and replaying them skips its promise and middleware chain on the hot path
 * (bench/, README "Performance"). The names are kept in lower case (HTTP's are case-insensitive):
 * Node lowers each name it is given, a new string for every header of every answer otherwise.
 */
function helmetHeaders(middleware: Middleware<AppState>): { set: [string, string][]; removed: string[] } {
  const set = new Map<string, string>();
  const removed: string[] = [];
  const res = {
    setHeader: (name: string, value: unknown) => {
      // A head written in one call takes one value a name.
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to a ${typeof value}: its headers cannot be replayed`);
      set.set(name.toLowerCase(), value);
    },
    removeHeader: (name: string) => removed.push(name),
    getHeader: () => undefined,
  };
  void middleware({ req: { headers: {} }, res } as never, async () => undefined);
  if (set.size === 0) throw new Error('helmet set no header when first run: its headers cannot be replayed');
  return { set: [...set], removed };
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
