import { ConfigError } from '../config/config-error.js';
import { codesOf } from './database-errors.js';
import { DatabaseUnreachableAtStart } from './database-unreachable-at-start.js';
import type { Dialect } from './dialects/dialect.js';

// The drivers' codes for an account the server refuses: mysql2's, then PostgreSQL's SQLSTATEs.
const ACCESS_DENIED = new Set(['ER_ACCESS_DENIED_ERROR', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR', 'ER_DBACCESS_DENIED_ERROR', '28P01', '28000']);
// Socket and resolver codes: nothing answered at that address.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);
const SERVERS: Readonly<Record<string, { name: string; port: number }>> = {
  'mysql:': { name: 'MySQL', port: 3306 },
  'postgres:': { name: 'PostgreSQL', port: 5432 },
  'postgresql:': { name: 'PostgreSQL', port: 5432 },
};

/**
 * Turns the driver's error when a server database is first opened into one line a person can
 * act on (main.ts prints it without a stack): ConfigError when DATABASE_URL names a database
 * (the dialect says which code means that) or an account that the server does not have,
 * DatabaseUnreachableAtStart when no server answers. Anything else is returned unchanged.
 * The message never repeats the password.
 */
export function startUpDatabaseError(dialect: Dialect, url: string, error: unknown): unknown {
  const codes = codesOf(error);
  const { protocol, hostname, port, pathname, username } = new URL(url);
  const known = SERVERS[protocol] ?? { name: 'database', port: 0 };
  const server = `${hostname}:${port || known.port}`;
  if (codes.some((code) => dialect.errors.isMissingDatabase(code))) {
    return new ConfigError('DATABASE_URL', `the database "${decodeURIComponent(pathname.slice(1))}" does not exist on ${server}: create it first`);
  }
  const denied = codes.find((code) => ACCESS_DENIED.has(code));
  if (denied) return new ConfigError('DATABASE_URL', `the server at ${server} refuses user "${decodeURIComponent(username)}" (${denied})`);
  const unreachable = codes.find((code) => UNREACHABLE.has(code));
  if (unreachable) return new DatabaseUnreachableAtStart(`no ${known.name} server answers at ${server} (${unreachable})`, { cause: error });
  return error;
}
