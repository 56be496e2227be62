import { createHash, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import type { AppState } from '../app-state.js';
import { AdminKeyRequired } from '../http-errors.js';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * The admin routes' check of `Authorization: Bearer <ADMIN_API_KEY>`. Compared as SHA-256
 * digests: equal lengths for timingSafeEqual, and the time says nothing about how much of a
 * guess was right. A user's access token is just another wrong key here.
 */
export function adminKey(key: string): Middleware<AppState> {
  const expected = digest(key);
  return async (ctx, next) => {
    const offered = /^Bearer +(\S+)$/i.exec(ctx.get('Authorization'))?.[1] ?? '';
    if (!timingSafeEqual(digest(offered), expected)) throw new AdminKeyRequired();
    await next();
  };
}
