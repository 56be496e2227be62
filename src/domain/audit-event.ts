/**
 * The audit log's event types (API.md "Admin API and audit log") and the details each one
 * carries. Details are small and typed per type: never a password, hash, token, code, secret or
 * e-mail address (erasure keeps a user's events, so an address in them would outlive it).
 */
export interface AuditDetailsByType {
  'user.registered': { by: 'self' | 'admin'; emailVerified: boolean };
  'login.succeeded': { amr: readonly string[] };
  'login.failed': { reason: 'unknown_email' | 'wrong_password' | 'second_factor' | 'passkey' | 'account_disabled' | 'email_not_verified'; during: 'login' | 'reauthentication' };
  'login.throttled': { scope: 'login' | 'account_ceiling' };
  'mfa.required': { methods: readonly string[] };
  'mfa.succeeded': { method: 'totp' | 'recovery_code' | 'passkey' };
  'mfa.failed': { method: 'totp' | 'recovery_code' | 'passkey'; reason: 'wrong_code' | 'throttled' | 'dead_challenge' };
  'refresh.reuse_detected': { during: 'refresh' | 'logout' };
  /** An admin's ending of every session is admin.sessions_ended; a login undone by a password change that raced it, `password_change`. */
  'session.ended': { by: 'logout' | 'revoke' | 'password_change' };
  'password.changed': Record<string, never>;
  'password.reset_requested': Record<string, never>;
  'password.reset': Record<string, never>;
  'email.verification_requested': Record<string, never>;
  'email.verified': Record<string, never>;
  'email.change_requested': Record<string, never>;
  'email.changed': Record<string, never>;
  'mfa.enabled': { method: 'totp' };
  'mfa.disabled': { method: 'totp' };
  'recovery_codes.generated': { count: number };
  'recovery_code.used': { remaining: number };
  'passkey.added': { passkeyId: string };
  'passkey.removed': { passkeyId: string };
  'passkey.counter_regressed': { passkeyId: string; stored: number; presented: number };
  'user.disabled': Record<string, never>;
  'user.enabled': Record<string, never>;
  'user.erased': { by: 'self' | 'admin' };
  'admin.sessions_ended': Record<string, never>;
  'admin.mfa_reset': Record<string, never>;
}

export type AuditEventType = keyof AuditDetailsByType;

const TYPES: Record<AuditEventType, true> = {
  'user.registered': true,
  'login.succeeded': true,
  'login.failed': true,
  'login.throttled': true,
  'mfa.required': true,
  'mfa.succeeded': true,
  'mfa.failed': true,
  'refresh.reuse_detected': true,
  'session.ended': true,
  'password.changed': true,
  'password.reset_requested': true,
  'password.reset': true,
  'email.verification_requested': true,
  'email.verified': true,
  'email.change_requested': true,
  'email.changed': true,
  'mfa.enabled': true,
  'mfa.disabled': true,
  'recovery_codes.generated': true,
  'recovery_code.used': true,
  'passkey.added': true,
  'passkey.removed': true,
  'passkey.counter_regressed': true,
  'user.disabled': true,
  'user.enabled': true,
  'user.erased': true,
  'admin.sessions_ended': true,
  'admin.mfa_reset': true,
};

/** Every type, in the contract's order. */
export const AUDIT_EVENT_TYPES = Object.keys(TYPES) as readonly AuditEventType[];

export function isAuditEventType(value: string): value is AuditEventType {
  return Object.hasOwn(TYPES, value);
}

/** Who and what an event is about; where and when it happened is added by the audit trail. */
export type AuditEvent = {
  [T in AuditEventType]: {
    readonly type: T;
    /** Null when no account is known (a failed login with an unknown address). */
    readonly userId: string | null;
    readonly sessionId?: string | null;
    readonly details?: AuditDetailsByType[T];
    /** The request it came from, when the event is written after that request (a reset request resolved in the background). */
    readonly origin?: AuditOrigin;
  };
}[AuditEventType];

/** The request an event came from: its X-Request-Id, client address and User-Agent. */
export interface AuditOrigin {
  readonly requestId: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** When it was asked for, if not when the event is written. */
  readonly at?: Date;
}

/** An event as the log holds it. */
export interface RecordedAuditEvent {
  readonly id: string;
  readonly at: Date;
  readonly type: AuditEventType;
  readonly userId: string | null;
  readonly sessionId: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly requestId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}
