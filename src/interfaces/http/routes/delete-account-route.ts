import type { DeleteOwnAccount } from '../../../application/use-cases/delete-own-account.js';
import { clientOf, validatedBody } from '../app-state.js';
import type { RouteSpec } from '../route-spec.js';
import { reauthenticationSchema, type ReauthenticationBody } from '../schemas/mfa-schemas.js';
import { invalidAccessToken, invalidBody, tooManyAttempts, unavailable } from './responses.js';

export function deleteAccountRoute(deleteOwnAccount: DeleteOwnAccount): RouteSpec {
  return {
    method: 'delete',
    path: '/users/me',
    operationId: 'deleteAccount',
    summary: 'Erase the caller’s account (password and, with TOTP on, a code)',
    tags: ['users'],
    bearer: true,
    body: reauthenticationSchema,
    responses: {
      204: { description: 'Erased: the account, its sessions, factors and pending mails are gone.' },
      401: { ...invalidAccessToken, description: 'Invalid access token, or the current password or the code is wrong or missing (one answer).' },
      422: invalidBody,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      await deleteOwnAccount.execute({ principal: ctx.state.principal!, ...validatedBody<ReauthenticationBody>(ctx), ...clientOf(ctx) });
      ctx.status = 204;
    },
  };
}
