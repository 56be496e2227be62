import type { LoginOutcome, RequestObserver as Metrics } from '../needs/request-observer.js';
import type { AppContext } from '../app-state.js';

// The business counters are read off the answers, so that no use case knows about metrics.
const LOGIN_OUTCOMES: Readonly<Record<number, LoginOutcome>> = { 200: 'success', 401: 'invalid_credentials', 429: 'throttled' };

/**
 * Times a finished request into the duration histogram, labelled with the matched route
 * template ("unmatched" for 404s and 405s: a raw path could hold an id or an e-mail and would
 * make a new series per caller), and counts registrations and login outcomes. `status`: 500
 * for an error that escaped the problem handler (Koa answers it so).
 */
export function observeRequest(metrics: Metrics, ctx: AppContext, started: bigint, status: number): void {
  const route = (ctx as { _matchedRoute?: string })._matchedRoute ?? 'unmatched';
  const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  metrics.observeRequest({ method: ctx.method, route, status, durationSeconds });
  countBusinessEvent(metrics, `${ctx.method} ${route}`, status);
}

function countBusinessEvent(metrics: Metrics, operation: string, status: number): void {
  if (operation === 'POST /auth/register' && status === 201) metrics.countRegistration();
  const outcome = operation === 'POST /auth/login' ? LOGIN_OUTCOMES[status] : undefined;
  if (outcome) metrics.countLogin(outcome);
}
