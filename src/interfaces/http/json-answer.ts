import type { AppContext } from './app-state.js';

/** Never to be stored by a cache: the route's own header of an answer that shows an account or a token. */
export const NO_STORE: readonly string[] = ['cache-control', 'no-store'];

/**
 * Answers `body` as JSON with `status` and the route's own `headers` (lower-case name, value,
 * name, value...): left on ctx.state for the edge to write in one call (JsonAnswer, app-state.ts).
 */
export function answerJson(ctx: AppContext, status: number, body: unknown, headers: readonly string[] = []): void {
  // Koa reads the status back for the request line and the metrics, as for any answer.
  ctx.status = status;
  ctx.state.answer = { status, json: JSON.stringify(body), headers };
}
