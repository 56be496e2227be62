import type { SecurityEventLog } from '../../../src/application/ports/security-event-log.js';

export type RefreshTokenReused = Parameters<SecurityEventLog['refreshTokenReused']>[0];

/** Keeps every security event, in order, for the test to read. */
export class RecordingSecurityEventLog implements SecurityEventLog {
  readonly reusedRefreshTokens: RefreshTokenReused[] = [];

  refreshTokenReused(event: RefreshTokenReused): void {
    this.reusedRefreshTokens.push(event);
  }
}
