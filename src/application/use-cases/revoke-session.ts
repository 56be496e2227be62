import { SessionNotFound } from '../../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { SessionStore } from '../ports/session-store.js';
import type { Principal } from './authenticate-access-token.js';
import type { AuditTrail } from '../ports/audit-trail.js';

/**
 * Ends one of the caller's sessions. Refuses with SessionNotFound for anything that is not a
 * live session of the caller's, so that nobody learns whether another user's session exists.
 */
export class RevokeSession {
  constructor(
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: { principal: Principal; sessionId: string }): Promise<void> {
    const { userId } = input.principal;
    const revoked = await this.audit.recordWith(
      () => this.sessions.revokeOfUser(input.sessionId, userId, this.clock.now()),
      (ended) => (ended ? { type: 'session.ended', userId, sessionId: input.sessionId, details: { by: 'revoke' } } : null),
    );
    if (!revoked) throw new SessionNotFound();
  }
}
