import coBody from 'co-body';
import type { Middleware } from 'koa';
import type { AppState } from '../app-state.js';
import { MalformedJson, PayloadTooLarge, UnsupportedMediaType } from '../http-errors.js';

/**
 * Reads a JSON object body and turns every way that can fail into a refusal: 415 for another
 * media type or a charset other than UTF-8, 413 over the limit, 400 for anything that does
 * not parse as an object or array (strict: never a bare value).
 *
 * co-body directly, not koa-body (which wraps it): koa-body does not pass on
 * `onProtoPoisoning`, so a `__proto__` member would be a 400 "not JSON". Here it stays an
 * ordinary own property (JSON.parse never touches the prototype), and the schema answers it
 * as an unknown property, 422, like any other.
 */
export function jsonBody(limitBytes: number): Middleware<AppState> {
  return async (ctx, next) => {
    // null: no body at all (validation will name the missing fields); false: not JSON.
    if (ctx.request.is('application/json') === false) throw new UnsupportedMediaType();
    const charset = ctx.request.charset.toLowerCase();
    if (charset !== '' && charset !== 'utf-8' && charset !== 'utf8') throw new UnsupportedMediaType();
    if (ctx.request.is('application/json')) {
      try {
        ctx.request.body = await coBody.json(ctx, { limit: limitBytes, strict: true, onProtoPoisoning: 'ignore' } as coBody.Options);
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status === 413) throw new PayloadTooLarge(limitBytes);
        if (status === 415) throw new UnsupportedMediaType();
        throw new MalformedJson();
      }
    }
    await next();
  };
}
