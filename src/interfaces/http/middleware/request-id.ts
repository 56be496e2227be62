import { randomUUID } from 'node:crypto';
import type { AuthenticatedCaller } from '../../../application/use-cases/authenticate-access-token.js';
import type { AppContext, AppState, JsonAnswer } from '../app-state.js';
import type { HttpLogger as Logger } from '../needs/http-logger.js';

// The caller's own id is kept only when it cannot inject anything into logs or headers.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id: in every log line, in every problem body, and on the answer
 * (the edge writes it with the rest of the head, request-edge.ts).
 */
export function assignRequestId(ctx: AppContext, logger: Logger): void {
  const offered = ctx.req.headers['x-request-id'];
  const requestId = typeof offered === 'string' && SANE_REQUEST_ID.test(offered) ? offered : randomUUID();
  ctx.state = new RequestState(requestId, logger);
}

/**
 * ctx.state of every request. Its logger, a child stamped with the request's id, is made at
 * its first use: a request that goes well logs only its request line, which is written
 * without it (issue 18: a bunyan child for every request, ~300 bytes, that nothing used).
 */
class RequestState implements AppState {
  principal?: AuthenticatedCaller = undefined;
  userId?: string = undefined;
  answer?: JsonAnswer = undefined;
  private child: Logger | undefined = undefined;

  constructor(
    readonly requestId: string,
    private readonly logger: Logger,
  ) {}

  get log(): Logger {
    this.child ??= this.logger.child({ req_id: this.requestId }, true);
    return this.child;
  }
}
