import { InvalidCredentials } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import type { AccessTokenIssuer } from '../ports/access-token-issuer.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import type { SessionStore } from '../ports/session-store.js';
import type { UserRepository } from '../ports/user-repository.js';

export interface SessionLifetimes {
  readonly refreshTokenTtlMs: number;
  readonly sessionMaxAgeMs: number;
}

/** How the owner proved who they are (RFC 8176 methods), and when: kept by the session for its refreshes. */
export interface AuthenticationProof {
  readonly amr: readonly string[];
  readonly authTime: Date;
}

/** A password alone. */
export const PASSWORD_AMR: readonly string[] = ['pwd'];
/** A password, then a one-time password (TOTP or a recovery code): two factors. */
export const PASSWORD_AND_OTP_AMR: readonly string[] = ['pwd', 'otp', 'mfa'];

/** The token pair that begins a session, as every kind of login answers it. */
export interface StartedSession {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly userId: string;
}

/**
 * Starts a session (a refresh-token family) for an account whose owner has just proved who
 * they are, and issues its first token pair: the one way every login ends (password today;
 * a second step and passkeys next). `proof` defaults to a password proved now.
 */
export class SessionStarter {
  constructor(
    private readonly sessions: SessionStore,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly secrets: SecretTokenGenerator,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly lifetimes: SessionLifetimes,
    private readonly users: Pick<UserRepository, 'recordLogin' | 'findById'>,
    private readonly audit: AuditTrail,
  ) {}

  async start(user: User, client: { userAgent: string | null; ip: string | null }, proof?: AuthenticationProof): Promise<StartedSession> {
    const now = this.clock.now();
    const { amr, authTime } = proof ?? { amr: PASSWORD_AMR, authTime: now };
    const sessionId = this.ids.newId();
    const refreshToken = this.secrets.generate();
    const started = () => this.sessions.start({
      id: sessionId,
      userId: user.id,
      refreshToken,
      refreshTokenExpiresAt: new Date(now.getTime() + this.lifetimes.refreshTokenTtlMs),
      expiresAt: new Date(now.getTime() + this.lifetimes.sessionMaxAgeMs),
      createdAt: now,
      userAgent: client.userAgent,
      ip: client.ip,
      successorKey: this.secrets.generate(),
      amr,
      authTime,
    });
    await this.audit.recordWith(started, () => ({ type: 'login.succeeded', userId: user.id, sessionId, details: { amr } }));
    await this.refuseIfPasswordChangedSince(user, sessionId, now);
    // The admin API's lastLoginAt: one keyed UPDATE, next to the hash this login just compared.
    await this.users.recordLogin(user.id, now);
    const access = await this.accessTokens.issue({ userId: user.id, sessionId, amr, authTime });
    return { accessToken: access.token, expiresIn: access.expiresIn, refreshToken, userId: user.id };
  }

  /**
   * A password change that landed while this login was proving the old password ended every
   * session it could see, but not this one, begun after: read the account again and end it.
   * (The change ends sessions once more after saving, for a login that read it just before.)
   */
  private async refuseIfPasswordChangedSince(proved: User, sessionId: string, now: Date): Promise<void> {
    const current = await this.users.findById(proved.id);
    if (current && current.passwordChangedAt.getTime() === proved.passwordChangedAt.getTime()) return;
    await this.audit.recordWith(
      () => this.sessions.revoke(sessionId, now),
      () => ({ type: 'session.ended', userId: proved.id, sessionId, details: { by: 'password_change' } }),
    );
    throw new InvalidCredentials();
  }
}
