import { ConfigError } from './infrastructure/config/config-error.js';
import { DatabaseUnreachableAtStart } from './infrastructure/persistence/database-unreachable-at-start.js';

// sysexits.h EX_CONFIG: a supervisor can tell a bad deployment from a crash.
export const EXIT_BAD_CONFIG = 78;
// sysexits.h EX_UNAVAILABLE: the database server did not answer; it may only be late.
const EXIT_UNAVAILABLE = 69;

/** Ends a process that could not start (the service, or `npm run migrate`): one line on stderr and its exit code. */
export function exitForStartUpFailure(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`auth-service: bad configuration: ${error.message}\n`);
    process.exit(EXIT_BAD_CONFIG);
  }
  if (error instanceof DatabaseUnreachableAtStart) {
    process.stderr.write(`auth-service: cannot start: ${error.message}\n`);
    process.exit(EXIT_UNAVAILABLE);
  }
  process.stderr.write(`auth-service: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
