import type { TestService } from './test-service.js';

// Every column of the sessions and refresh_tokens tables (rows.ts has the ones the login
// tests needed). Times are epoch milliseconds; mysql2 may return BIGINT as a string.

export interface FamilyRow {
  readonly id: string;
  readonly user_id: string;
  readonly created_at: number | string;
  readonly last_used_at: number | string;
  readonly expires_at: number | string;
  readonly revoked_at: number | string | null;
  readonly user_agent: string | null;
  readonly ip: string | null;
}

export interface TokenRow {
  readonly token_hash: string;
  readonly session_id: string;
  readonly created_at: number | string;
  readonly expires_at: number | string;
  readonly spent_at: number | string | null;
}

export async function familyRow(t: TestService, sessionId: string): Promise<FamilyRow> {
  const [row] = await t.query<FamilyRow>('SELECT * FROM sessions WHERE id = ?', [sessionId]);
  if (!row) throw new Error(`no sessions row ${sessionId}`);
  return row;
}

/** The family's tokens, oldest first. */
export function tokenRowsOf(t: TestService, sessionId: string): Promise<TokenRow[]> {
  return t.query<TokenRow>('SELECT * FROM refresh_tokens WHERE session_id = ? ORDER BY created_at, spent_at', [sessionId]);
}

export async function tokenRowByHash(t: TestService, tokenHash: string): Promise<TokenRow | undefined> {
  const [row] = await t.query<TokenRow>('SELECT * FROM refresh_tokens WHERE token_hash = ?', [tokenHash]);
  return row;
}

/** The whole of both tables as text, for "never stored" checks. */
export async function sessionTablesText(t: TestService): Promise<string> {
  return JSON.stringify([await t.query('SELECT * FROM sessions'), await t.query('SELECT * FROM refresh_tokens')]);
}
