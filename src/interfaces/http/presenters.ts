import type { CallerAccount } from '../../application/ports/bearer-session-lookup.js';
import type { AuthenticatedCaller } from '../../application/use-cases/authenticate-access-token.js';
import type { SessionView } from '../../application/use-cases/list-sessions.js';
import type { User } from '../../domain/user.js';
import type { AppContext } from './app-state.js';
import { answerJson, NO_STORE } from './json-answer.js';

/** The public view of an account: never a hash, never a token. */
export function presentUser(user: User) {
  return publicView(user.id, { email: user.email.value, emailVerifiedAt: user.emailVerifiedAt, createdAt: user.createdAt });
}

/**
 * GET /users/me: the public view of the caller's account, plus when the address was verified
 * and whether a second factor guards it, from what the bearer check read.
 */
export function presentCurrentUser(caller: AuthenticatedCaller) {
  const view = publicView(caller.userId, caller.account);
  return Object.assign(view, { emailVerifiedAt: caller.account.emailVerifiedAt?.toISOString() ?? null, mfaEnabled: caller.mfaEnabled });
}

/** The four fields every view of an account shows, whichever read it came from. */
function publicView(id: string, account: CallerAccount) {
  return { id, email: account.email, emailVerified: account.emailVerifiedAt !== null, createdAt: account.createdAt.toISOString() };
}

export function presentSession(session: SessionView) {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    userAgent: session.userAgent,
    ip: session.ip,
    current: session.current,
  };
}

export interface TokenPair {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
}

// RFC 6749 §5.1: a token response says no-store, and Pragma: no-cache for HTTP/1.0 caches.
const TOKEN_RESPONSE_HEADERS: readonly string[] = [...NO_STORE, 'pragma', 'no-cache'];

/** RFC 6749 §5.1: the token response, never to be cached. */
export function sendTokenResponse(ctx: AppContext, tokens: TokenPair): void {
  const body = {
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
  };
  answerJson(ctx, 200, body, TOKEN_RESPONSE_HEADERS);
}
