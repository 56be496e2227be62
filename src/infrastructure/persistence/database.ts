import type { DataSource, EntityManager } from 'typeorm';
import { requestDeadline } from '../request-context/request-deadline.js';
import type { DatabaseKind, Dialect } from './dialects/dialect.js';
import { statementsOn, type Statements } from './statements.js';

export type { Statements } from './statements.js';

/**
 * The one way adapters reach the database: every call is translated (unreachable ->
 * DependencyUnavailable, a unique violation -> DuplicateKey) and its SQL put in the dialect's
 * form. Two kinds, made by openDatabase for the dialect: SerialDatabase (SQLite's one
 * connection, units of work queued) and PooledDatabase (a server, a pooled connection each).
 *
 * Neither begins nor commits work for a request already answered 503 for its timeout
 * (requestDeadline): a write that waited in the pool's queue or behind a lock is dropped.
 */
export interface Database {
  readonly kind: DatabaseKind;
  readonly dialect: Dialect;
  readonly dataSource: DataSource;
  /** Statements that need no atomicity together. */
  run<T>(work: (statements: Statements) => Promise<T>): Promise<T>;
  /** The first row of a read (a look-up by key), or undefined: the hot path of every request. */
  readOne(sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown> | undefined>;
  /** Statements that all happen or none do. */
  transaction<T>(work: (statements: Statements) => Promise<T>): Promise<T>;
}

/** Runs a write and returns how many rows it changed: the decider of conditional updates. */
export function changedRows(statements: Statements, sql: string, parameters: readonly unknown[]): Promise<number> {
  return statements.changedRows(sql, parameters);
}

/** A transaction's work, checked against the request's deadline before it begins and before COMMIT. */
export function withinDeadline<T>(dialect: Dialect, work: (statements: Statements) => Promise<T>): (manager: EntityManager) => Promise<T> {
  return async (manager) => {
    requestDeadline.throwIfPassed();
    const result = await work(statementsOn(manager, dialect));
    // The client was told 503 meanwhile: roll back rather than commit behind its back.
    requestDeadline.throwIfPassed();
    return result;
  };
}
