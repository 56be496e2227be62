import type { LogoutSession } from '../../../application/use-cases/logout-session.js';
import { clientOf, validatedBody } from '../app-state.js';
import type { RouteSpec } from '../route-spec.js';
import { refreshTokenBodySchema, type RefreshTokenBody } from '../schemas/refresh-token-schema.js';
import { invalidBody, invalidRefreshToken, unavailable } from './responses.js';

export function logoutRoute(logoutSession: LogoutSession): RouteSpec {
  return {
    method: 'post',
    path: '/auth/logout',
    operationId: 'logout',
    summary: 'End the session of a refresh token (its whole family is revoked)',
    tags: ['auth'],
    body: refreshTokenBodySchema,
    responses: {
      204: { description: 'The session has ended: its refresh tokens and access tokens are refused from now on.' },
      401: invalidRefreshToken,
      422: invalidBody,
      503: unavailable,
    },
    handler: async (ctx) => {
      const { userId } = await logoutSession.execute({ refreshToken: validatedBody<RefreshTokenBody>(ctx).refreshToken, ...clientOf(ctx) });
      ctx.state.userId = userId;
      ctx.status = 204;
    },
  };
}
