import { SessionNotFound } from '../../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { SessionStore } from '../ports/session-store.js';
import type { Principal } from './authenticate-access-token.js';

/**
 * Ends one of the caller's sessions. Refuses with SessionNotFound for anything that is not a
 * live session of the caller's, so that nobody learns whether another user's session exists.
 */
export class RevokeSession {
  constructor(
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
  ) {}

  async execute(input: { principal: Principal; sessionId: string }): Promise<void> {
    const revoked = await this.sessions.revokeOfUser(input.sessionId, input.principal.userId, this.clock.now());
    if (!revoked) throw new SessionNotFound();
  }
}
