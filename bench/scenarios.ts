import type { TokenPair } from './api-calls.js';
import type { Figure } from './figure.js';
import { load } from './load.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

/** The server under load: its base URL, and its process (whose CPU time is measured). */
export interface Server {
  readonly url: string;
  readonly pid: number;
}

/** GET /users/me with a valid access token: the authenticated hot path. */
export function usersMe(server: Server, accessToken: string, seconds: number, connections = 32): Promise<Figure> {
  return load({ serverPid: server.pid, url: `${server.url}/users/me`, connections, seconds, headers: { authorization: `Bearer ${accessToken}` } });
}

/** The bare Koa baseline: the same path, answering the same JSON. */
export function bareKoa(server: Server, seconds: number): Promise<Figure> {
  return load({ serverPid: server.pid, url: `${server.url}/users/me`, connections: 32, seconds });
}

/**
 * POST /auth/login, 8 connections. `emailFor(n)` picks the account of the n-th request (one
 * account, or a random one of a million); every answer's token pair goes to `onTokens`.
 */
export function login(server: Server, emailFor: (n: number) => string, password: string, seconds: number, onTokens?: (pair: TokenPair) => void): Promise<Figure> {
  let n = 0;
  return load({
    serverPid: server.pid,
    url: `${server.url}/auth/login`,
    connections: 8,
    seconds,
    method: 'POST',
    headers: JSON_HEADERS,
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ email: emailFor(n++), password }) }),
    onResponse: (status, body) => {
      if (status === 200 && onTokens) onTokens(JSON.parse(body) as TokenPair);
    },
  });
}

/** POST /auth/register, 8 connections, a new address every request. */
export function register(server: Server, password: string, seconds: number): Promise<Figure> {
  let n = 0;
  const run = Date.now().toString(36);
  return load({
    serverPid: server.pid,
    url: `${server.url}/auth/register`,
    connections: 8,
    seconds,
    method: 'POST',
    headers: JSON_HEADERS,
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ email: `reg-${run}-${n++}@bench.example`, password }) }),
  });
}

/**
 * POST /auth/refresh: every request spends an unspent token. `pool` holds at least one per
 * connection; each request takes one and its answer puts the successor back (autocannon
 * records a response before building the connection's next request), so the chains go on
 * for the whole run.
 */
export function refresh(server: Server, pool: string[], seconds: number, connections = 32): Promise<Figure> {
  if (pool.length < connections) throw new Error(`refresh needs ${connections} unspent tokens, has ${pool.length}`);
  return load({
    serverPid: server.pid,
    url: `${server.url}/auth/refresh`,
    connections,
    seconds,
    method: 'POST',
    headers: JSON_HEADERS,
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ refreshToken: pool.shift() }) }),
    onResponse: (status, body) => {
      if (status === 200) pool.push((JSON.parse(body) as TokenPair).refresh_token);
    },
  });
}
