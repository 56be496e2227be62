import { InvalidRefreshToken } from '../../domain/errors.js';
import type { RefreshTokenState } from '../../domain/refresh-token-presentation.js';
import type { AccessTokenIssuer } from '../ports/access-token-issuer.js';
import type { Clock } from '../ports/clock.js';
import type { SecurityEventLog } from '../ports/security-event-log.js';
import type { SessionStore } from '../ports/session-store.js';
import type { SuccessorTokenDeriver } from '../ports/successor-token-deriver.js';
import { judgeRefreshToken } from '../services/presented-refresh-token.js';
import type { AuditTrail } from '../ports/audit-trail.js';

export interface RefreshSessionInput {
  readonly refreshToken: string;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

export interface RefreshSessionOutput {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly userId: string;
}

export interface RefreshSettings {
  readonly refreshTokenTtlMs: number;
  readonly reuseGraceMs: number;
}

/**
 * Spends a refresh token for a new pair of the same family (rotation). A retry of the token
 * spent last, within the grace period and while its successor is unused, gets that same
 * successor again; any other reuse revokes the family and is logged as a security event.
 * Access tokens keep the session's amr and auth_time: a refresh proves no factor.
 * Refuses with InvalidRefreshToken (one answer for unknown, expired, revoked and reused).
 */
export class RefreshSession {
  constructor(
    private readonly sessions: SessionStore,
    private readonly deriver: SuccessorTokenDeriver,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly securityEvents: SecurityEventLog,
    private readonly clock: Clock,
    private readonly settings: RefreshSettings,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: RefreshSessionInput): Promise<RefreshSessionOutput> {
    const now = this.clock.now();
    let judged = await this.judge(input.refreshToken, now);
    if (judged.presentation === 'current' && (await this.rotate(judged.state!, judged.successor, input, now))) {
      return this.answer(judged.state!, judged.successor);
    }
    if (judged.presentation === 'current') {
      // A concurrent request spent it first: judge it again, as the retry it now is.
      judged = await this.judge(input.refreshToken, now);
    }
    if (judged.presentation === 'retry') return this.answer(judged.state!, judged.successor);
    if (judged.presentation === 'reuse') {
      const { sessionId, userId } = judged.state!;
      await this.audit.recordWith(() => this.sessions.revoke(sessionId, now), () => ({ type: 'refresh.reuse_detected', userId, sessionId, details: { during: 'refresh' } }));
      this.securityEvents.refreshTokenReused({ userId, sessionId, ip: input.ip, userAgent: input.userAgent });
    }
    throw new InvalidRefreshToken();
  }

  private judge(token: string, now: Date) {
    return judgeRefreshToken(this.sessions, this.deriver, token, now, this.settings.reuseGraceMs);
  }

  private rotate(state: RefreshTokenState, successor: string, input: RefreshSessionInput, now: Date): Promise<boolean> {
    // A token never outlives its family's maximum age.
    const expiresAt = Math.min(now.getTime() + this.settings.refreshTokenTtlMs, state.sessionExpiresAt.getTime());
    return this.sessions.rotate({
      sessionId: state.sessionId,
      spent: input.refreshToken,
      successor,
      successorExpiresAt: new Date(expiresAt),
      now,
      userAgent: input.userAgent,
      ip: input.ip,
    });
  }

  private async answer(state: RefreshTokenState, successor: string): Promise<RefreshSessionOutput> {
    const access = await this.accessTokens.issue({ userId: state.userId, sessionId: state.sessionId, amr: state.amr, authTime: state.authTime });
    return { accessToken: access.token, expiresIn: access.expiresIn, refreshToken: successor, userId: state.userId };
  }
}
