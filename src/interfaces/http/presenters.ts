import type { SessionView } from '../../application/use-cases/list-sessions.js';
import type { User } from '../../domain/user.js';
import type { AppContext } from './app-state.js';

/** The public view of an account: never a hash, never a token. */
export function presentUser(user: User) {
  return {
    id: user.id,
    email: user.email.value,
    emailVerified: user.emailVerified,
    createdAt: user.createdAt.toISOString(),
  };
}

/** GET /users/me: the public view plus when the address was verified and whether a second factor guards it. */
export function presentCurrentUser(current: { user: User; mfaEnabled: boolean }) {
  // The public view extended in place: a spread of it into a new object took 3 µs of every
  // GET /users/me, against 0.6 µs for the view itself (issue 18).
  const view: ReturnType<typeof presentUser> & { emailVerifiedAt?: string | null; mfaEnabled?: boolean } = presentUser(current.user);
  view.emailVerifiedAt = current.user.emailVerifiedAt?.toISOString() ?? null;
  view.mfaEnabled = current.mfaEnabled;
  return view as Required<typeof view>;
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

/** RFC 6749 §5.1: the token response, never to be cached. */
export function sendTokenResponse(ctx: AppContext, tokens: TokenPair): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Pragma', 'no-cache');
  ctx.body = {
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
  };
}
