import type { Middleware } from 'koa';
import type { AuthenticateAccessToken } from '../../../application/use-cases/authenticate-access-token.js';
import type { AppState } from '../app-state.js';

// RFC 6750 §2.1; the scheme name is case-insensitive (RFC 9110 §11.1).
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** Runs the bearer check and leaves the principal on ctx.state; refuses with 401. */
export function bearerAuth(authenticate: AuthenticateAccessToken): Middleware<AppState> {
  return async (ctx, next) => {
    const token = BEARER.exec(ctx.get('Authorization'))?.[1] ?? null;
    const principal = await authenticate.execute(token);
    ctx.state.principal = principal;
    ctx.state.userId = principal.userId;
    return next();
  };
}
