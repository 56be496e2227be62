import type { NewSession, SessionStore } from '../../../src/application/ports/session-store.js';

export class RecordingSessionStore implements SessionStore {
  readonly started: NewSession[] = [];

  async start(session: NewSession): Promise<void> {
    this.started.push(session);
  }
}
