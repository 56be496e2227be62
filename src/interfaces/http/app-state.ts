import type { ParameterizedContext } from 'koa';
import type { AuthenticatedCaller } from '../../application/use-cases/authenticate-access-token.js';
import { plainAddress } from '../../domain/client-address.js';
import type { HttpLogger } from './needs/http-logger.js';

declare module 'koa' {
  interface Request {
    /** The parsed JSON body, set by middleware/json-body.ts. */
    body?: unknown;
  }
}

/** What middleware leaves on ctx.state for the handlers after it. */
export interface AppState {
  requestId: string;
  /** A child logger that stamps every line with this request's id. */
  log: HttpLogger;
  /** Set by the bearer check on protected routes, with the account as it read it. */
  principal?: AuthenticatedCaller;
  /** The account the request acted for, when known: for the request log line. */
  userId?: string;
  /** The JSON answer a route left for the edge to write (json-answer.ts); none: Koa writes ctx.body (problems, pages, text, 204s). */
  answer?: JsonAnswer;
}

/**
 * A JSON answer that a route leaves for the edge (middleware/request-edge.ts) to write: its
 * head in one `writeHead` call, beside the security headers and the request id, and its body
 * in one `end`. Koa's way (`ctx.body`, `ctx.set`) stores every header in the response object
 * first, each validated, lower-cased and stored, then read back to write the head: a fifth of
 * GET /users/me's server time (issue 18, docs/performance.md).
 */
export interface JsonAnswer {
  readonly status: number;
  /** The body, serialised where a failure is still the problem handler's to answer. */
  readonly json: string;
  /** The route's own headers, as lower-case name, value, name, value... */
  readonly headers: readonly string[];
}

export type AppContext = ParameterizedContext<AppState>;

/** The request body, once validateBody has checked it against the route's schema. */
export function validatedBody<T>(ctx: AppContext): T {
  return ctx.request.body as unknown as T;
}

/** Who is asking, as far as the request tells: for sessions and throttling. */
export function clientOf(ctx: AppContext): { userAgent: string | null; ip: string | null } {
  return { userAgent: ctx.get('User-Agent') || null, ip: clientAddress(ctx) };
}

// The last address asked about and its spelling: a request asks for it several times (the
// log line, the throttles, the session), and a connection's requests for the same one. The
// parse of an IPv4-mapped address took ~3 µs each time.
let lastAddress = '';
let lastSpelling = '';

/** The client's address in one spelling: a dual-stack socket's ::ffff:a.b.c.d is a.b.c.d. */
export function clientAddress(ctx: AppContext): string | null {
  const ip = ctx.ip;
  if (!ip) return null;
  if (ip !== lastAddress) {
    lastSpelling = plainAddress(ip);
    lastAddress = ip;
  }
  return lastSpelling;
}
