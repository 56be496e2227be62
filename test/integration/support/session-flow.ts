import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { decodeAccessToken } from './access-tokens.js';
import type { TestService } from './test-service.js';

/** How the service stores a refresh token: SHA-256, hex (see the migration's comment). */
export function sha256Hex(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The session (refresh-token family) an access token belongs to: its `sid` claim. */
export function sessionIdOf(accessToken: string): string {
  return String(decodeAccessToken(accessToken).claims.sid);
}

/** POST /auth/refresh with this token, and any extra request headers. */
export function refresh(t: TestService, refreshToken: string, headers: Record<string, string> = {}): Promise<Response> {
  return t.http().post('/auth/refresh').set(headers).send({ refreshToken });
}

/** POST /auth/logout with this token. */
export function logout(t: TestService, refreshToken: string): Promise<Response> {
  return t.http().post('/auth/logout').send({ refreshToken });
}

/** GET a bearer route (default /users/me) with this access token. */
export function withBearer(t: TestService, accessToken: string, path = '/users/me'): Promise<Response> {
  return t.http().get(path).set('Authorization', `Bearer ${accessToken}`);
}

/** A problem body without the member that differs on every answer, to compare two refusals. */
export function problemWithoutRequestId(res: Response): Record<string, unknown> {
  const { requestId: _requestId, ...rest } = res.body as Record<string, unknown>;
  return rest;
}
