import type { ListSessions } from '../../../application/use-cases/list-sessions.js';
import { answerJson, NO_STORE } from '../json-answer.js';
import { presentSession } from '../presenters.js';
import type { RouteSpec } from '../route-spec.js';
import { sessionListSchema } from '../schemas/session-schema.js';
import { invalidAccessToken, unavailable } from './responses.js';

export function listSessionsRoute(listSessions: ListSessions): RouteSpec {
  return {
    method: 'get',
    path: '/users/me/sessions',
    operationId: 'listSessions',
    summary: 'The caller’s live sessions (refresh-token families)',
    tags: ['sessions'],
    bearer: true,
    responses: {
      200: { description: 'Live sessions, most recently used first; `current` marks this one.', schema: sessionListSchema },
      401: invalidAccessToken,
      503: unavailable,
    },
    handler: async (ctx) => {
      answerJson(ctx, 200, (await listSessions.execute(ctx.state.principal!)).map(presentSession), NO_STORE);
    },
  };
}
