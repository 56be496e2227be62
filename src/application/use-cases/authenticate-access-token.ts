import { InvalidAccessToken } from '../../domain/errors.js';
import type { AccessTokenVerifier } from '../ports/access-token-verifier.js';
import type { BearerSessionLookup, LiveAccount, LivePrincipal } from '../ports/bearer-session-lookup.js';
import type { Clock } from '../ports/clock.js';

/** Who is calling: the account and the session its access token belongs to. */
export type Principal = LivePrincipal;

/** The caller, with the account as the bearer check read it (GET /users/me's body). */
export type AuthenticatedCaller = LiveAccount;

/**
 * The service's own bearer check: a valid signature is not enough, the account must still
 * exist, not be disabled, and the token's session must still be live. That also refuses every token issued
 * before the latest password change or reset, to the request rather than the second: the
 * change ends every session (PasswordReplacement), a login after it starts a new one, and a
 * session begun before it is refused even if a racing login left it unrevoked. All of that is
 * one read (BearerSessionLookup): it runs on every authenticated request.
 * Refuses with InvalidAccessToken.
 */
export class AuthenticateAccessToken {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly principals: BearerSessionLookup,
    private readonly clock: Clock,
  ) {}

  async execute(token: string | null): Promise<AuthenticatedCaller> {
    if (!token) throw new InvalidAccessToken();
    const claims = await this.verifier.verify(token);
    // A logged-out or revoked session takes its access tokens with it, not 15 minutes later.
    const principal = await this.principals.findLivePrincipal(claims.userId, claims.sessionId, this.clock.now());
    if (!principal) throw new InvalidAccessToken();
    return principal;
  }
}
