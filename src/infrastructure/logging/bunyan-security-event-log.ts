import type { SecurityEventLog } from '../../application/ports/security-event-log.js';
import type { Logger } from './create-logger.js';

/** Security events as warn-level lines with an `event` field to alert on; never a token. */
export class BunyanSecurityEventLog implements SecurityEventLog {
  constructor(private readonly logger: Logger) {}

  refreshTokenReused(event: { userId: string; sessionId: string; ip: string | null; userAgent: string | null }): void {
    this.logger.warn({ event: 'refresh_token_reuse', security: true, ...event }, 'refresh token reused: session revoked');
  }

  recoveryCodeUsed(event: { userId: string; remaining: number; ip: string | null; userAgent: string | null }): void {
    this.logger.warn({ event: 'recovery_code_used', security: true, ...event }, 'recovery code used');
  }

  passkeyCounterRegressed(event: { userId: string; credentialId: string; storedCounter: number; presentedCounter: number; ip: string | null; userAgent: string | null }): void {
    this.logger.warn({ event: 'passkey_counter_regressed', security: true, ...event }, 'passkey signature counter went backwards: possibly a cloned authenticator; assertion refused');
  }
}
