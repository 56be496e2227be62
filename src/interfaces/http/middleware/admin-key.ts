import type { Middleware } from 'koa';
import type { AppState } from '../app-state.js';
import { bearerSecretCheck } from '../bearer-secret.js';
import { AdminKeyRequired } from '../http-errors.js';

/** The admin routes' check of `Authorization: Bearer <ADMIN_API_KEY>`. */
export function adminKey(key: string): Middleware<AppState> {
  const carriesKey = bearerSecretCheck(key);
  return async (ctx, next) => {
    if (!carriesKey(ctx.get('Authorization'))) throw new AdminKeyRequired();
    await next();
  };
}
