import type { Clock } from '../ports/clock.js';
import type { SessionStore, SessionSummary } from '../ports/session-store.js';
import type { Principal } from './authenticate-access-token.js';

export interface SessionView extends SessionSummary {
  /** The session the caller's access token belongs to. */
  readonly current: boolean;
}

/** The caller's live sessions (refresh-token families), marking the one in use. */
export class ListSessions {
  constructor(
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal): Promise<SessionView[]> {
    const live = await this.sessions.listLive(principal.userId, this.clock.now());
    return live.map((session) => ({ ...session, current: session.id === principal.sessionId }));
  }
}
