import type { TestService } from './test-service.js';

// Column names as the migrations create them. Times are epoch milliseconds (BIGINT), which
// mysql2 may return as strings: compare them through Number().

export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly email_canonical: string;
  readonly password_hash: string;
  readonly email_verified_at: number | string | null;
  readonly password_changed_at: number | string;
  readonly created_at: number | string;
}

export interface SessionRow {
  readonly id: string;
  readonly user_id: string;
  readonly revoked_at: number | string | null;
  readonly user_agent: string | null;
  readonly ip: string | null;
}

export interface RefreshTokenRow {
  readonly token_hash: string;
  readonly session_id: string;
  readonly spent_at: number | string | null;
}

/** The users rows whose address is this one, compared case-insensitively (as the service does). */
export function usersByEmail(t: TestService, email: string): Promise<UserRow[]> {
  return t.query<UserRow>('SELECT * FROM users WHERE email_canonical = ?', [email.trim().toLowerCase()]);
}

export function sessionsOfUser(t: TestService, userId: string): Promise<SessionRow[]> {
  return t.query<SessionRow>('SELECT * FROM sessions WHERE user_id = ?', [userId]);
}

export function refreshTokensOfSession(t: TestService, sessionId: string): Promise<RefreshTokenRow[]> {
  return t.query<RefreshTokenRow>('SELECT * FROM refresh_tokens WHERE session_id = ?', [sessionId]);
}

export async function countRows(t: TestService, table: 'users' | 'sessions' | 'refresh_tokens'): Promise<number> {
  const [row] = await t.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row?.n);
}
