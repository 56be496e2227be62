import { randomUUID } from 'node:crypto';
import type { HttpLogger as Logger } from '../needs/http-logger.js';
import type { AppContext } from '../app-state.js';

// The caller's own id is kept only when it cannot inject anything into logs or headers.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Gives every request an id: on the response, in every log line, in every problem body. */
export function assignRequestId(ctx: AppContext, logger: Logger): void {
  const offered = ctx.get('X-Request-Id');
  ctx.state.requestId = SANE_REQUEST_ID.test(offered) ? offered : randomUUID();
  ctx.state.log = logger.child({ req_id: ctx.state.requestId }, true);
  ctx.set('X-Request-Id', ctx.state.requestId);
}
