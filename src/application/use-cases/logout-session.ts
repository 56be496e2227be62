import { InvalidRefreshToken } from '../../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { SecurityEventLog } from '../ports/security-event-log.js';
import type { SessionStore } from '../ports/session-store.js';
import type { SuccessorTokenDeriver } from '../ports/successor-token-deriver.js';
import { judgeRefreshToken } from '../services/presented-refresh-token.js';
import type { AuditTrail } from '../ports/audit-trail.js';

export interface LogoutSessionInput {
  readonly refreshToken: string;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/**
 * Ends the session (the whole refresh-token family) of the presented token. The token is
 * judged as at refresh: a reused one still ends the family, but as theft, and is refused.
 * Refuses with InvalidRefreshToken.
 */
export class LogoutSession {
  constructor(
    private readonly sessions: SessionStore,
    private readonly deriver: SuccessorTokenDeriver,
    private readonly securityEvents: SecurityEventLog,
    private readonly clock: Clock,
    private readonly reuseGraceMs: number,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: LogoutSessionInput): Promise<{ userId: string }> {
    const now = this.clock.now();
    const { presentation, state } = await judgeRefreshToken(this.sessions, this.deriver, input.refreshToken, now, this.reuseGraceMs);
    if (presentation === 'invalid' || !state) throw new InvalidRefreshToken();
    const { userId, sessionId } = state;
    await this.audit.recordWith(
      () => this.sessions.revoke(sessionId, now),
      () =>
        presentation === 'reuse'
          ? { type: 'refresh.reuse_detected', userId, sessionId, details: { during: 'logout' } }
          : { type: 'session.ended', userId, sessionId, details: { by: 'logout' } },
    );
    if (presentation === 'reuse') {
      this.securityEvents.refreshTokenReused({ userId: state.userId, sessionId: state.sessionId, ip: input.ip, userAgent: input.userAgent });
      throw new InvalidRefreshToken();
    }
    return { userId: state.userId };
  }
}
