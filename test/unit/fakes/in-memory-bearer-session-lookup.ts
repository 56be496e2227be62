import type { BearerSessionLookup, LivePrincipal } from '../../../src/application/ports/bearer-session-lookup.js';
import type { InMemoryUserRepository } from './in-memory-user-repository.js';
import type { RecordingSessionStore } from './recording-session-store.js';

/** The one read, over the in-memory accounts and sessions that the use-case tests set up. */
export class InMemoryBearerSessionLookup implements BearerSessionLookup {
  constructor(
    private readonly users: InMemoryUserRepository,
    private readonly sessions: RecordingSessionStore,
  ) {}

  async findLivePrincipal(userId: string, sessionId: string, now: Date): Promise<LivePrincipal | null> {
    const user = await this.users.findById(userId);
    const family = this.sessions.family(sessionId);
    if (!user || user.disabled || family?.userId !== userId || !(await this.sessions.isLive(sessionId, now))) return null;
    return { userId, sessionId };
  }
}
