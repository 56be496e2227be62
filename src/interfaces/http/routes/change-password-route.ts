import type { ChangePassword } from '../../../application/use-cases/change-password.js';
import { clientOf, validatedBody } from '../app-state.js';
import type { RouteSpec } from '../route-spec.js';
import { changePasswordSchema, type ChangePasswordBody } from '../schemas/change-password-schema.js';
import { invalidAccessToken, invalidBody, tooManyAttempts, unavailable } from './responses.js';

export function changePasswordRoute(changePassword: ChangePassword): RouteSpec {
  return {
    method: 'put',
    path: '/users/me/password',
    operationId: 'changePassword',
    summary: 'Change the caller’s password; every session ends',
    tags: ['users'],
    bearer: true,
    body: changePasswordSchema,
    responses: {
      204: { description: 'Changed. Every refresh token is revoked and older access tokens are refused: log in again.' },
      401: { ...invalidAccessToken, description: 'Invalid access token, or the current password is wrong, or (with TOTP on) the code is missing or wrong: one answer.' },
      422: invalidBody,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      const body = validatedBody<ChangePasswordBody>(ctx);
      await changePassword.execute({ principal: ctx.state.principal!, ...body, ip: clientOf(ctx).ip });
      ctx.status = 204;
    },
  };
}
