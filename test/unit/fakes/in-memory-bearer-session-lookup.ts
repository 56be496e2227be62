import type { BearerSessionLookup, LiveAccount } from '../../../src/application/ports/bearer-session-lookup.js';
import type { SecondFactorStore } from '../../../src/application/ports/second-factor-store.js';
import type { InMemoryUserRepository } from './in-memory-user-repository.js';
import { InMemorySecondFactorStore } from './in-memory-second-factor-store.js';
import type { RecordingSessionStore } from './recording-session-store.js';

/** The one read, over the in-memory accounts, sessions and second factors that the use-case tests set up. */
export class InMemoryBearerSessionLookup implements BearerSessionLookup {
  constructor(
    private readonly users: InMemoryUserRepository,
    private readonly sessions: RecordingSessionStore,
    private readonly factors: SecondFactorStore = new InMemorySecondFactorStore(),
  ) {}

  async findLivePrincipal(userId: string, sessionId: string, now: Date): Promise<LiveAccount | null> {
    const user = await this.users.findById(userId);
    const family = this.sessions.family(sessionId);
    if (!user || user.disabled || family?.userId !== userId || !(await this.sessions.isLive(sessionId, now))) return null;
    const account = { email: user.email.value, emailVerifiedAt: user.emailVerifiedAt, createdAt: user.createdAt };
    return { userId, sessionId, account, mfaEnabled: await this.factors.isTotpActive(userId) };
  }
}
