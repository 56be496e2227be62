import type { Middleware } from 'koa';
import { HttpMethodEnum, koaBody } from 'koa-body';
import type { AppState } from '../app-state.js';
import { MalformedJson, PayloadTooLarge, UnsupportedMediaType } from '../http-errors.js';

/**
 * Parses a JSON object body (koa-body, strict: an object or array, never a bare value) and
 * turns every way it can fail into a refusal: 415 for another media type or charset, 413
 * over the limit, 400 for anything that does not parse.
 */
export function jsonBody(limitBytes: number): Middleware<AppState> {
  const parse = koaBody({
    json: true,
    jsonStrict: true,
    jsonLimit: limitBytes,
    urlencoded: false,
    text: false,
    multipart: false,
    parsedMethods: [HttpMethodEnum.POST, HttpMethodEnum.PUT, HttpMethodEnum.PATCH, HttpMethodEnum.DELETE],
  }) as unknown as Middleware<AppState>;
  return async (ctx, next) => {
    // null: no body at all (validation will name the missing fields); false: not JSON.
    if (ctx.request.is('application/json') === false) throw new UnsupportedMediaType();
    try {
      await parse(ctx, async () => undefined);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 413) throw new PayloadTooLarge(limitBytes);
      if (status === 415) throw new UnsupportedMediaType();
      throw new MalformedJson();
    }
    await next();
  };
}
