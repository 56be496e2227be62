import { InvalidAccessToken } from '../../domain/errors.js';
import type { AccessTokenVerifier } from '../ports/access-token-verifier.js';
import type { Clock } from '../ports/clock.js';
import type { SessionStore } from '../ports/session-store.js';
import type { UserRepository } from '../ports/user-repository.js';

/** Who is calling: the account and the session its access token belongs to. */
export interface Principal {
  readonly userId: string;
  readonly sessionId: string;
}

/**
 * The service's own bearer check: a valid signature is not enough, the account must still
 * exist, not be disabled, and the token's session must still be live. That also refuses every token issued
 * before the latest password change or reset, to the request rather than the second: the
 * change ends every session (PasswordReplacement), and a login after it starts a new one.
 * Refuses with InvalidAccessToken.
 */
export class AuthenticateAccessToken {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly users: UserRepository,
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
  ) {}

  async execute(token: string | null): Promise<Principal> {
    if (!token) throw new InvalidAccessToken();
    const claims = await this.verifier.verify(token);
    const user = await this.users.findById(claims.userId);
    if (!user) throw new InvalidAccessToken();
    // Disabled by an administrator: refused at once, on every instance (issue 17).
    if (user.disabledAt) throw new InvalidAccessToken();
    // A logged-out or revoked session takes its access tokens with it, not 15 minutes later.
    if (!(await this.sessions.isLive(claims.sessionId, this.clock.now()))) throw new InvalidAccessToken();
    return { userId: user.id, sessionId: claims.sessionId };
  }
}
