import type { TokenPair } from './api-calls.js';
import type { Figure } from './figure.js';
import { load, processCpuSeconds } from './load.js';
import { totpCode, type AccountPool } from './mfa-accounts.js';

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
export function bareKoa(server: Server, seconds: number, connections = 32): Promise<Figure> {
  return load({ serverPid: server.pid, url: `${server.url}/users/me`, connections, seconds });
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

/**
 * The whole login of an account with TOTP, `connections` (8) clients each going on from one
 * to the next: POST /auth/login (its right password answers 403 with an `mfaToken`), then
 * POST /auth/login/mfa with the code the account's app shows now. Every login takes an
 * account of its own from `accounts`, so no code is ever a replay. A figure of whole logins:
 * those finished inside the window count (like autocannon's answers), each latency is both
 * steps; a first step other than 403 with an `mfaToken`, or a second other than 200, is a
 * non-2xx, its status keyed `login <status>` or `mfa <status>`.
 */
export async function twoStepLogin(server: Server, accounts: AccountPool, password: string, seconds: number, connections = 8): Promise<Figure> {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let non2xx = 0;
  let errors = 0;
  const endAt = performance.now() + seconds * 1000;
  const refused = (step: string, status: number) => {
    if (performance.now() > endAt) return;
    statuses[`${step} ${status}`] = (statuses[`${step} ${status}`] ?? 0) + 1;
    non2xx += 1;
  };
  const post = async (path: string, body: object) => {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { mfaToken?: string } };
  };
  const client = async () => {
    while (performance.now() < endAt) {
      const started = performance.now();
      const account = accounts.take();
      try {
        const first = await post('/auth/login', { email: account.email, password });
        if (first.status !== 403 || !first.body.mfaToken) {
          refused('login', first.status);
          continue;
        }
        const second = await post('/auth/login/mfa', { mfaToken: first.body.mfaToken, code: totpCode(account.secret) });
        if (second.status !== 200) refused('mfa', second.status);
        else if (performance.now() <= endAt) latenciesMs.push(performance.now() - started);
      } catch {
        if (performance.now() <= endAt) errors += 1;
      }
    }
  };
  const cpuBefore = processCpuSeconds(server.pid);
  await Promise.all(Array.from({ length: connections }, client));
  const serverCpuSeconds = processCpuSeconds(server.pid) - cpuBefore;
  return { count: latenciesMs.length, seconds, latenciesMs: latenciesMs.sort((a, b) => a - b), non2xx, errors, statuses, serverCpuSeconds };
}

/**
 * POST /auth/login/mfa alone: every request spends an `mfaToken` prepared before the run
 * (seeded with its account) with the code the account's app shows now, each account once.
 */
export function mfaStep(server: Server, accounts: AccountPool, seconds: number, connections = 32): Promise<Figure> {
  return load({
    serverPid: server.pid,
    url: `${server.url}/auth/login/mfa`,
    connections,
    seconds,
    method: 'POST',
    headers: JSON_HEADERS,
    setupRequest: (request) => {
      const account = accounts.take();
      return { ...request, body: JSON.stringify({ mfaToken: account.mfaToken, code: totpCode(account.secret) }) };
    },
  });
}
