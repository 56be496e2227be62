import { answerJson, NO_STORE } from '../json-answer.js';
import { presentCurrentUser } from '../presenters.js';
import type { RouteSpec } from '../route-spec.js';
import { currentUserSchema } from '../schemas/user-schema.js';
import { invalidAccessToken, unavailable } from './responses.js';

/**
 * The caller's own account and whether a second factor guards it, as the bearer check read
 * them in its one statement (BearerSessionLookup): no second read (issue 18).
 */
export function currentUserRoute(): RouteSpec {
  return {
    method: 'get',
    path: '/users/me',
    operationId: 'getCurrentUser',
    summary: 'The account of the access token’s owner',
    tags: ['users'],
    bearer: true,
    responses: {
      200: { description: 'The caller’s account; never to be stored by a cache.', schema: currentUserSchema, headers: ['Cache-Control'] },
      401: invalidAccessToken,
      503: unavailable,
    },
    handler: async (ctx) => {
      answerJson(ctx, 200, presentCurrentUser(ctx.state.principal!), NO_STORE);
    },
  };
}
