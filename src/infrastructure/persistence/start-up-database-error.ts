import { ConfigError } from '../config/config-error.js';
import { DatabaseUnreachableAtStart } from './database-unreachable-at-start.js';

// mysql2's codes for a URL that names a database or an account the server does not have.
const MISSING_DATABASE = 'ER_BAD_DB_ERROR';
const ACCESS_DENIED = new Set(['ER_ACCESS_DENIED_ERROR', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR', 'ER_DBACCESS_DENIED_ERROR']);
// Socket and resolver codes: nothing answered at that address.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/**
 * Turns the driver's error when a MySQL database is first opened into one line a person can
 * act on (main.ts prints it without a stack): ConfigError when DATABASE_URL names a database
 * or an account that the server does not have, DatabaseUnreachableAtStart when no server
 * answers. Anything else is returned unchanged. The message never repeats the password.
 */
export function startUpDatabaseError(url: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const { hostname, port, pathname, username } = new URL(url);
  const server = `${hostname}:${port || 3306}`;
  if (code === MISSING_DATABASE) return new ConfigError('DATABASE_URL', `the database "${decodeURIComponent(pathname.slice(1))}" does not exist on ${server}`);
  if (ACCESS_DENIED.has(code)) return new ConfigError('DATABASE_URL', `the server at ${server} refuses user "${decodeURIComponent(username)}" (${code})`);
  if (UNREACHABLE.has(code)) return new DatabaseUnreachableAtStart(`no MySQL server answers at ${server} (${code})`, { cause: error });
  return error;
}
