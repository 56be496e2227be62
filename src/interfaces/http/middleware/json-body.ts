import type { Middleware } from 'koa';
import { HttpMethodEnum, koaBody } from 'koa-body';
import type { AppState } from '../app-state.js';
import { MalformedJson, PayloadTooLarge, UnsupportedMediaType } from '../http-errors.js';

// RFC 8259 §8.1: JSON text is UTF-8; a bad sequence is a body that is not JSON, never U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Reads a JSON object body (koa-body) and turns every way that can fail into a refusal: 415
 * for another media type or a charset other than UTF-8, 413 over the limit, 400 for anything
 * that does not parse as an object or array (strict: never a bare value), holds a
 * `__proto__` member (co-body's default, which koa-body keeps), or is not valid UTF-8.
 *
 * koa-body decodes with iconv-lite, which has no fatal mode, so it is asked for latin1: one
 * character per byte, the bytes kept exactly (includeUnparsed). Its parse checks the syntax,
 * which latin1 and UTF-8 share (bytes over 0x7F may only stand inside strings). A body of
 * ASCII, the usual case, is the same text either way; any other is decoded again, fatally.
 */
export function jsonBody(limitBytes: number): Middleware<AppState> {
  const parse = koaBody({
    json: true,
    jsonTypes: ['application/json'],
    jsonLimit: limitBytes,
    jsonStrict: true,
    encoding: 'latin1',
    includeUnparsed: true,
    multipart: false,
    urlencoded: false,
    text: false,
    // Every method a route with a body may have (koa-body's default leaves out DELETE).
    parsedMethods: [HttpMethodEnum.POST, HttpMethodEnum.PUT, HttpMethodEnum.PATCH, HttpMethodEnum.DELETE],
    onError: (error) => {
      throw refusalFor(error, limitBytes);
    },
  }) as unknown as Middleware<AppState>;
  return async (ctx, next) => {
    // null: no body at all (validation will name the missing fields); false: not JSON.
    if (ctx.request.is('application/json') === false) throw new UnsupportedMediaType();
    const charset = ctx.request.charset.toLowerCase();
    if (charset !== '' && charset !== 'utf-8' && charset !== 'utf8') throw new UnsupportedMediaType();
    if (!ctx.request.is('application/json')) return next();
    await parse(ctx, async () => undefined);
    const raw = ctx.request.rawBody ?? '';
    // The body's text holds the password: no second copy stays on the request.
    delete ctx.request.rawBody;
    if (NON_ASCII.test(raw)) ctx.request.body = JSON.parse(decodeUtf8(Buffer.from(raw, 'latin1')));
    await next();
  };
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new MalformedJson();
  }
}

/** koa-body's errors (co-body's, raw-body's, inflation's) carry an HTTP status. */
function refusalFor(error: Error, limitBytes: number): Error {
  const status = (error as { status?: number }).status;
  if (status === 413) return new PayloadTooLarge(limitBytes);
  if (status === 415) return new UnsupportedMediaType();
  return new MalformedJson();
}
