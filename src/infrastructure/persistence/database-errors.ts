import { DependencyUnavailable } from '../../domain/errors.js';

// Driver codes that mean "the database cannot answer now", not "this request is wrong":
// they become 503 with Retry-After. mysql2 and Node's net layer first, then SQLite's.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR', 'ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK', 'ER_SERVER_SHUTDOWN',
  // The server ended the connection or the statement: a restart, a failover, KILL, wait_timeout.
  'ER_QUERY_INTERRUPTED', 'ER_CLIENT_INTERACTION_TIMEOUT', 'ER_NET_READ_ERROR', 'ER_NET_WRITE_INTERRUPTED',
  'POOL_CLOSED', 'POOL_ENQUEUELIMIT',
  'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_FULL',
]);
const UNIQUE_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 4; depth += 1) {
    if (typeof e.code === 'string') codes.push(e.code);
    e = (e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return codes;
}

export function isUniqueViolation(error: unknown): boolean {
  return codesOf(error).some((code) => UNIQUE_CODES.has(code));
}

/** Another connection holds the SQLite file's lock (SQLITE_BUSY and its extended codes). */
export function isBusy(error: unknown): boolean {
  return codesOf(error).some((code) => code.startsWith('SQLITE_BUSY'));
}

export function isUnavailable(error: unknown): boolean {
  const codes = codesOf(error);
  // TypeORM's own "not connected" and mysql2's "Pool is closed" carry no code.
  const message = error instanceof Error ? error.message : '';
  return codes.some((code) => UNAVAILABLE_CODES.has(code) || /^SQLITE_(IOERR|BUSY|LOCKED)/.test(code))
    || /pool is closed|connection is not established|connection lost|database connection is not open|can't add new command when connection is in closed state/i.test(message);
}

/** Runs a database call, turning "cannot reach the database" into DependencyUnavailable. */
export async function guardDatabase<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnavailable(error)) throw new DependencyUnavailable('database');
    throw error;
  }
}
