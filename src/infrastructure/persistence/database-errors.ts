import { DependencyUnavailable } from '../../domain/errors.js';
import type { Dialect } from './dialects/dialect.js';

/**
 * A unique index or primary key refused the row, on whichever database: adapters turn it
 * into the domain's refusal (a 409), never a 500. Statements throws it for the driver's error.
 */
export class DuplicateKey extends Error {
  constructor(override readonly cause: unknown) {
    super('duplicate key');
    this.name = 'DuplicateKey';
  }
}

/** The driver codes of an error and of the errors it wraps (TypeORM's driverError, a cause). */
export function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 4; depth += 1) {
    if (typeof e.code === 'string') codes.push(e.code);
    e = (e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return codes;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof DuplicateKey;
}

/** Another connection holds the SQLite file's lock (SQLITE_BUSY and its extended codes). */
export function isBusy(error: unknown): boolean {
  return codesOf(error).some((code) => code.startsWith('SQLITE_BUSY'));
}

export function isUnavailable(dialect: Dialect, error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return codesOf(error).some((code) => dialect.errors.isUnavailable(code)) || dialect.errors.unavailableMessage.test(message);
}

/** A driver's error in the service's terms: a unique violation becomes DuplicateKey; others pass. */
export function translated(dialect: Dialect, error: unknown): unknown {
  return codesOf(error).some((code) => dialect.errors.isUniqueViolation(code)) ? new DuplicateKey(error) : error;
}

/** Runs a database call, turning "cannot reach the database" into DependencyUnavailable. */
export async function guardDatabase<T>(dialect: Dialect, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnavailable(dialect, error)) throw new DependencyUnavailable('database');
    throw error;
  }
}
