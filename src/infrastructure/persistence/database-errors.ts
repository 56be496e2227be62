import { DependencyUnavailable } from '../../domain/errors.js';

// Driver codes that mean "the database cannot answer now", not "this request is wrong":
// they become 503 with Retry-After. mysql2 and Node's net layer first, then SQLite's.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR', 'ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK', 'ER_SERVER_SHUTDOWN',
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

export function isUnavailable(error: unknown): boolean {
  const codes = codesOf(error);
  // TypeORM's own "not connected" and mysql2's "Pool is closed" carry no code.
  const message = error instanceof Error ? error.message : '';
  return codes.some((code) => UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))
    || /pool is closed|connection is not established|connection lost|can't add new command when connection is in closed state/i.test(message);
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
