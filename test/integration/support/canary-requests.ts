import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import type { RouteSpec } from '../../../src/interfaces/http/route-spec.js';
import type { JsonSchema } from '../../../src/interfaces/http/schemas/json-schema.js';
import type { TestService } from './test-service.js';

/** Secrets made for one test: whatever carries them, none may ever show in the log. */
export interface Canaries {
  /** Long enough for the policy: the account's real password. */
  readonly password: string;
  /** Too short for the policy: for the 422 answers. */
  readonly shortPassword: string;
  /** For every token field, bearer header, cookie and query parameter. */
  readonly token: string;
  /** ADMIN_API_KEY of the service under test: sent to the admin routes, so they read the rest. */
  readonly adminKey: string;
}

export function newCanaries(): Canaries {
  const hex = () => randomBytes(8).toString('hex');
  return { password: `canary-password-${hex()}`, shortPassword: `cp${hex().slice(0, 6)}`, token: `canary-token-${hex()}`, adminKey: `canary-admin-key-${hex()}${hex()}` };
}

/** The live tokens of a session, when the request should get past the bearer check. */
export interface LiveSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly sessionId: string;
}

/** One way of sending a request to a route; `session` null: canaries in place of live tokens. */
export interface CanaryRequest {
  readonly label: string;
  readonly session: boolean;
  readonly method?: 'patch';
  readonly contentType?: string;
  readonly body?: string | object;
}

/** Every way a route is sent the canaries: valid, refused at each step, malformed. */
export function canaryRequests(route: RouteSpec, canaries: Canaries, email: string): CanaryRequest[] {
  const { password, shortPassword, token } = canaries;
  const fill = (newPassword: string) => (route.body ? bodyFor(route.body, { email, password, newPassword, token }) : undefined);
  const requests: CanaryRequest[] = [
    { label: 'canaries for every credential', session: false, body: fill(password) },
    { label: 'a live session', session: true, body: fill(password) },
    { label: 'a method the path does not answer', session: false, method: 'patch', body: { password, token } },
  ];
  if (!route.body) return requests;
  // Past the bearer check, where there is one, so that the body is read.
  const session = Boolean(route.bearer);
  requests.push(
    { label: 'malformed JSON', session, contentType: 'application/json', body: `{"password":"${password}","token":"${token}",` },
    { label: 'a wrong content type', session, contentType: 'text/plain', body: `password=${password}&token=${token}` },
    { label: 'unknown properties (422)', session, body: { ...(fill(password) as object), passwordHint: password, tokenCopy: token } },
  );
  if (propertiesOf(route.body).some((name) => /password/i.test(name))) {
    requests.push({ label: 'a password the policy refuses (422)', session, body: fill(shortPassword) });
  }
  return requests;
}

const propertiesOf = (schema: JsonSchema): string[] => Object.keys((schema.properties ?? {}) as object);

/**
 * A body of the schema's shape: e-mail fields get the account's address, token fields the
 * canary token (so do second-factor codes), `currentPassword` the account's password and other
 * password fields `newPassword`.
 */
function bodyFor(schema: JsonSchema, values: { email: string; password: string; newPassword: string; token: string }): Record<string, string> {
  const valueOf = (name: string): string => {
    if (name === 'currentPassword') return values.password;
    if (/password/i.test(name)) return values.newPassword;
    if (/token|code/i.test(name)) return values.token;
    return /email/i.test(name) ? values.email : 'x';
  };
  return Object.fromEntries(propertiesOf(schema).map((name) => [name, valueOf(name)]));
}

/** Sends one canary request to the route, with the canary token in a cookie and the query too. */
export function sendCanaryRequest(t: TestService, route: RouteSpec, request: CanaryRequest, canaries: Canaries, session: LiveSession | null): Promise<Response> {
  const path = route.path.replace(/:\w+/g, session?.sessionId ?? '3f1c1f5e-8d0a-4f5e-9c61-0d6a7f0e1a2b');
  const query = `?password=${canaries.password}&access_token=${canaries.token}`;
  let body = request.body;
  // With a live session, its refresh token goes where a refresh token belongs.
  if (session && body && typeof body === 'object' && 'refreshToken' in body) body = { ...body, refreshToken: session.refreshToken };
  const call = t
    .http()
    [request.method ?? route.method](path + query)
    .set('Authorization', `Bearer ${route.admin ? canaries.adminKey : (session?.accessToken ?? canaries.token)}`)
    .set('Cookie', `session=${canaries.token}`);
  if (request.contentType) call.set('Content-Type', request.contentType);
  return body === undefined ? call : call.send(body);
}
