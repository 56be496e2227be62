import type { ResponseSpec, RouteSpec } from '../route-spec.js';
import { invalidAccessToken, invalidBody, problem } from '../routes/responses.js';

// What the edge answers before a handler runs (json-body.ts, validate-body.ts, bearer-auth.ts,
// problem-handler.ts), so the same for every route that has a body or a bearer check.
const bodyRefusals: Readonly<Record<number, ResponseSpec>> = {
  400: problem('The body is not parseable JSON, or is a bare value instead of an object.'),
  413: problem('The body is larger than the configured limit (16 KiB by default).'),
  415: problem('The body is not `application/json` in UTF-8.'),
};
const internalError = problem('An unexpected failure on the server; the request id identifies it in the logs.');

/**
 * The route's responses plus the ones its data implies (a body: 400, 413, 415, 422; a bearer
 * check: 401; any route: 500), so that no route has to list them by hand. The route's own
 * entry wins where both have one, except that a body refusal keeps its sentence: a route's own
 * 400 (say, a spent token) does not make malformed JSON any less a 400.
 */
export function responsesOf(route: RouteSpec): Readonly<Record<number, ResponseSpec>> {
  const responses: Record<number, ResponseSpec> = { 500: internalError };
  if (route.body) Object.assign(responses, bodyRefusals, { 422: invalidBody });
  if (route.bearer) responses[401] = invalidAccessToken;
  for (const [status, own] of Object.entries(route.responses)) {
    const refusal = route.body ? bodyRefusals[Number(status)] : undefined;
    responses[Number(status)] = refusal ? { ...own, description: `${own.description} Or: ${lowerFirst(refusal.description)}` } : own;
  }
  return responses;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
