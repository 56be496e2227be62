import type { SecurityEventLog } from '../../../src/application/ports/security-event-log.js';

export type RefreshTokenReused = Parameters<SecurityEventLog['refreshTokenReused']>[0];
export type PasskeyCounterRegressed = Parameters<SecurityEventLog['passkeyCounterRegressed']>[0];
export type RecoveryCodeUsed = Parameters<SecurityEventLog['recoveryCodeUsed']>[0];

/** Keeps every security event, in order, for the test to read. */
export class RecordingSecurityEventLog implements SecurityEventLog {
  readonly reusedRefreshTokens: RefreshTokenReused[] = [];
  readonly usedRecoveryCodes: RecoveryCodeUsed[] = [];
  readonly regressedCounters: PasskeyCounterRegressed[] = [];

  refreshTokenReused(event: RefreshTokenReused): void {
    this.reusedRefreshTokens.push(event);
  }

  recoveryCodeUsed(event: RecoveryCodeUsed): void {
    this.usedRecoveryCodes.push(event);
  }

  passkeyCounterRegressed(event: PasskeyCounterRegressed): void {
    this.regressedCounters.push(event);
  }
}
