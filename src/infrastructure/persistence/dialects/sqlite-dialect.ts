import { retryWhileBusy } from '../retry-while-busy.js';
import type { Dialect } from './dialect.js';
import { TYPEORM_NOT_CONNECTED } from './network-errors.js';

const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL)/;
const UNIQUE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * The embedded default: one file, one synchronous better-sqlite3 connection, one process.
 * (Its DataSource options are made in create-data-source.ts, beside the file's set-up.)
 */
export const sqliteDialect: Dialect = {
  kind: 'sqlite',
  driver: 'better-sqlite3',
  connection: 'serial',
  placeholders: (sql) => sql,
  quote: (identifier) => `"${identifier.replaceAll('"', '""')}"`,
  errors: {
    isUniqueViolation: (code) => UNIQUE.has(code),
    isUnavailable: (code) => UNAVAILABLE.test(code),
    unavailableMessage: TYPEORM_NOT_CONNECTED,
    // better-sqlite3 makes the file: it is never missing.
    isMissingDatabase: () => false,
  },
  // No lock to take: the file's own write lock serialises the migrations of a second process.
  migrateExclusively: async (_dataSource, migrate) => {
    await retryWhileBusy(migrate);
  },
  limiter: null,
  rateLimitsTable: null,
};
