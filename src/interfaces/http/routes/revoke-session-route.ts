import type { RevokeSession } from '../../../application/use-cases/revoke-session.js';
import type { RouteSpec } from '../route-spec.js';
import { invalidAccessToken, problem, unavailable } from './responses.js';

export function revokeSessionRoute(revokeSession: RevokeSession): RouteSpec {
  return {
    method: 'delete',
    path: '/users/me/sessions/:id',
    operationId: 'revokeSession',
    summary: 'End one of the caller’s sessions',
    tags: ['sessions'],
    bearer: true,
    responses: {
      204: { description: 'The session has ended.' },
      401: invalidAccessToken,
      404: problem('Not one of the caller’s live sessions (whether or not it exists).'),
      503: unavailable,
    },
    handler: async (ctx) => {
      await revokeSession.execute({ principal: ctx.state.principal!, sessionId: String(ctx.params.id) });
      ctx.status = 204;
    },
  };
}
