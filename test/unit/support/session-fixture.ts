import { RefreshSession } from '../../../src/application/use-cases/refresh-session.js';
import { FakeAccessTokenIssuer } from '../fakes/fake-access-token-issuer.js';
import { FakeSuccessorTokenDeriver } from '../fakes/fake-successor-token-deriver.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { RecordingSecurityEventLog } from '../fakes/recording-security-event-log.js';
import { RecordingSessionStore } from '../fakes/recording-session-store.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

export const DAY_MS = 86_400_000;
export const NOW = new Date('2025-06-01T12:00:00.000Z');
/** The contract's defaults: REFRESH_TOKEN_TTL, SESSION_MAX_AGE, REFRESH_REUSE_GRACE. */
export const TTL_MS = 14 * DAY_MS;
export const MAX_AGE_MS = 90 * DAY_MS;
export const GRACE_MS = 10_000;

/** A moment relative to NOW. */
export const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

export interface SessionFixture {
  /** Every audit event the use cases recorded, in order. */
  readonly audit: RecordingAuditTrail;
  readonly sessions: RecordingSessionStore;
  readonly deriver: FakeSuccessorTokenDeriver;
  readonly events: RecordingSecurityEventLog;
  readonly accessTokens: FakeAccessTokenIssuer;
}

export function sessionFixture(): SessionFixture {
  return {
    sessions: new RecordingSessionStore(),
    deriver: new FakeSuccessorTokenDeriver(),
    events: new RecordingSecurityEventLog(),
    audit: new RecordingAuditTrail(),
    accessTokens: new FakeAccessTokenIssuer(),
  };
}

export interface StartedSession {
  readonly id?: string;
  readonly userId?: string;
  readonly token?: string;
  /** When the login happened; a day ago unless given. */
  readonly createdAt?: Date;
  readonly tokenExpiresAt?: Date;
  /** How the login was proved; a password unless given. */
  readonly amr?: readonly string[];
}

/** A login's session as the store holds it: by default session-1 of user-1, first token refresh-1. */
export async function startSession(sessions: RecordingSessionStore, options: StartedSession = {}): Promise<void> {
  const createdAt = options.createdAt ?? at(-DAY_MS);
  await sessions.start({
    id: options.id ?? 'session-1',
    userId: options.userId ?? 'user-1',
    refreshToken: options.token ?? 'refresh-1',
    successorKey: 'key-1',
    refreshTokenExpiresAt: options.tokenExpiresAt ?? new Date(createdAt.getTime() + TTL_MS),
    expiresAt: new Date(createdAt.getTime() + MAX_AGE_MS),
    createdAt,
    userAgent: 'Firefox/140',
    ip: '203.0.113.7',
    amr: options.amr ?? ['pwd'],
    authTime: createdAt,
  });
}

/** An earlier refresh, as it left the store: `token` spent at `when`, its successor stored. */
export async function refreshedEarlier(f: SessionFixture, token: string, when: Date, sessionId = 'session-1'): Promise<string> {
  const successor = f.deriver.successorOf(token);
  const rotated = await f.sessions.rotate({
    sessionId,
    spent: token,
    successor,
    successorExpiresAt: new Date(when.getTime() + TTL_MS),
    now: when,
    userAgent: 'Firefox/140',
    ip: '203.0.113.7',
  });
  if (!rotated) throw new Error(`set-up: ${token} could not be rotated`);
  return successor;
}

/** RefreshSession over the fixture's fakes, its clock fixed at `now`. */
export function refreshSession(f: SessionFixture, options: { now?: Date; graceMs?: number } = {}): RefreshSession {
  const settings = { refreshTokenTtlMs: TTL_MS, reuseGraceMs: options.graceMs ?? GRACE_MS };
  return new RefreshSession(f.sessions, f.deriver, f.accessTokens, f.events, new FixedClock(options.now ?? NOW), settings, f.audit);
}
