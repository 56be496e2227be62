import type { RefreshSession } from '../../../application/use-cases/refresh-session.js';
import { clientOf, validatedBody } from '../app-state.js';
import { sendTokenResponse } from '../presenters.js';
import type { RouteSpec } from '../route-spec.js';
import { refreshTokenBodySchema, type RefreshTokenBody } from '../schemas/refresh-token-schema.js';
import { tokenResponseSchema } from '../schemas/token-response-schema.js';
import { invalidBody, invalidRefreshToken, unavailable } from './responses.js';

export function refreshRoute(refreshSession: RefreshSession): RouteSpec {
  return {
    method: 'post',
    path: '/auth/refresh',
    operationId: 'refresh',
    summary: 'Spend a refresh token for a new token pair of the same session (rotation)',
    tags: ['auth'],
    body: refreshTokenBodySchema,
    responses: {
      200: { description: 'A new access token and the next refresh token; the presented one is spent.', schema: tokenResponseSchema, headers: ['Cache-Control'] },
      401: invalidRefreshToken,
      422: invalidBody,
      503: unavailable,
    },
    handler: async (ctx) => {
      const tokens = await refreshSession.execute({ refreshToken: validatedBody<RefreshTokenBody>(ctx).refreshToken, ...clientOf(ctx) });
      ctx.state.userId = tokens.userId;
      sendTokenResponse(ctx, tokens);
    },
  };
}
