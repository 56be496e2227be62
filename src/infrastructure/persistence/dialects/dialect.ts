import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../../config/config.js';

export type DatabaseKind = DatabaseConfig['kind'];

/** What a rate limiter counts: rate-limiter-flexible's own options, the store left out. */
export interface LimiterOptions {
  readonly keyPrefix: string;
  readonly points: number;
  /** Seconds. */
  readonly duration: number;
}

/** How this database's driver says what went wrong, read from an error's `code` (or its causes'). */
export interface DialectErrors {
  /** A unique index or primary key refused the row: the domain's refusal, never a 500. */
  isUniqueViolation(code: string): boolean;
  /** The database cannot answer now (gone, restarting, deadlock, lock wait): a 503. */
  isUnavailable(code: string): boolean;
  /** The same, for drivers that say it only in words. */
  readonly unavailableMessage: RegExp;
  /** DATABASE_URL names a database that does not exist: a configuration error at start. */
  isMissingDatabase(code: string): boolean;
}

/**
 * Everything that differs between the databases the service runs on, in one object per
 * database (STYLE.md "Persistence across dialects"). Adapters write SQL with `?` placeholders
 * and unquoted snake_case names, the subset the three accept alike, and state what they need
 * (rows, a changed-row count, an insert that may meet a unique key) through Statements; this
 * object turns that into the driver's terms. A new database is a new file like this one.
 */
export interface Dialect {
  readonly kind: DatabaseKind;
  /** The TypeORM driver it runs on (DataSourceOptions.type). */
  readonly driver: DataSourceOptions['type'];
  /**
   * One synchronous connection whose units of work must be queued (SQLite), or a pool of
   * connections, one per unit of work (a database server).
   */
  readonly connection: 'serial' | 'pooled';
  /** TypeORM options for a server URL (not SQLite, whose file needs its own set-up). */
  serverOptions?(config: Extract<DatabaseConfig, { url: string }>): DataSourceOptions;
  /** The SQL as the driver takes it, from SQL written with `?` placeholders. */
  placeholders(sql: string): string;
  /**
   * The first row of a read, straight on the driver's pool, on a statement the server prepares
   * once per connection: the hot path of every authenticated request (Database.readOne),
   * without TypeORM's query runner around it. Errors are the driver's own.
   */
  preparedRead?(dataSource: DataSource, sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown> | undefined>;
  /** An identifier quoted, for a name the SQL subset does not allow bare (`key`). */
  quote(identifier: string): string;
  readonly errors: DialectErrors;
  /** Runs the migrations so that instances starting together take turns, each migration once. */
  migrateExclusively(dataSource: DataSource, migrate: () => Promise<unknown>): Promise<void>;
  /**
   * Rate-limit counts kept in this database, shared by every instance on it; null where they
   * live in process memory (the embedded SQLite file runs as one process).
   */
  readonly limiter: ((dataSource: DataSource, options: LimiterOptions) => RateLimiterAbstract) | null;
  /** The table that limiter counts in, in its own layout (created by a migration), or null. */
  readonly rateLimitsTable: { readonly create: string; readonly drop: string } | null;
}
