import type { GetCurrentUser } from '../../../application/use-cases/get-current-user.js';
import { presentCurrentUser } from '../presenters.js';
import type { RouteSpec } from '../route-spec.js';
import { currentUserSchema } from '../schemas/user-schema.js';
import { invalidAccessToken, unavailable } from './responses.js';

export function currentUserRoute(getCurrentUser: GetCurrentUser): RouteSpec {
  return {
    method: 'get',
    path: '/users/me',
    operationId: 'getCurrentUser',
    summary: 'The account of the access token’s owner',
    tags: ['users'],
    bearer: true,
    responses: {
      200: { description: 'The caller’s account.', schema: currentUserSchema },
      401: invalidAccessToken,
      503: unavailable,
    },
    handler: async (ctx) => {
      ctx.body = presentCurrentUser(await getCurrentUser.execute(ctx.state.principal!));
    },
  };
}
