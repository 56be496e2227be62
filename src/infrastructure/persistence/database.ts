import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource, EntityManager } from 'typeorm';
import { requestDeadline } from '../request-context/request-deadline.js';
import { guardDatabase, isBusy } from './database-errors.js';
import { retryWhileBusy } from './retry-while-busy.js';

/**
 * The one way adapters reach the database: every call is translated (unreachable -> 
 * DependencyUnavailable) and, on SQLite, serialised.
 *
 * Why serialise: better-sqlite3 is one synchronous connection, and TypeORM 1.1 does not queue
 * transactions on it. Two overlapping transactions fail ("cannot start a transaction within
 * a transaction"), and a plain statement issued while another request's transaction is open
 * silently joins it (and is rolled back with it). SQLite runs one statement at a time anyway,
 * so a queue costs no throughput. MySQL has a pool: calls go straight through.
 *
 * Neither begins nor commits work for a request already answered 503 for its timeout
 * (requestDeadline): a write that waited in the pool's queue or behind a lock is dropped.
 */
export class Database {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;
  /** Units of work queued or running on SQLite: none means no transaction is open. */
  private pending = 0;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  get kind(): 'sqlite' | 'mysql' {
    return this.serial ? 'sqlite' : 'mysql';
  }

  /** Statements that need no atomicity together. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.exclusive(() => (this.serial ? work(this.dataSource.manager) : this.onPooledConnection(work)));
  }

  /**
   * The first row of a read (a look-up by key), or undefined. On SQLite with nothing queued
   * (so no transaction is open that it could join), it runs at once on a statement prepared
   * once: the hot path of every authenticated request, measured at ~3 µs against ~40 µs
   * through TypeORM and the queue (bench/, README "Performance"). Otherwise, and when the
   * file is locked, it takes the queue like any other call.
   */
  readOne(sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown> | undefined> {
    if (this.serial && this.pending === 0 && this.dataSource.isInitialized) {
      try {
        requestDeadline.throwIfPassed();
        return Promise.resolve(this.prepared(sql).get(...parameters) as Record<string, unknown> | undefined);
      } catch (error) {
        if (!isBusy(error)) return guardDatabase(() => Promise.reject(error));
      }
    }
    return this.run(async (manager) => ((await manager.query(sql, [...parameters])) as Record<string, unknown>[])[0]);
  }

  private prepared(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      const connection = (this.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
      statement = connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Statements that all happen or none do. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.exclusive(() =>
      this.dataSource.transaction(async (manager) => {
        requestDeadline.throwIfPassed();
        const result = await work(manager);
        // The client was told 503 meanwhile: roll back rather than commit behind its back.
        requestDeadline.throwIfPassed();
        return result;
      }),
    );
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    // On SQLite another connection (another process) may hold the file's lock: wait without blocking.
    const guarded = () => guardDatabase(() => (this.serial ? retryWhileBusy(work) : work()));
    if (!this.serial) return guarded();
    this.pending += 1;
    const result = this.tail.then(guarded, guarded);
    this.tail = result.catch(() => undefined).finally(() => {
      this.pending -= 1;
    });
    return result;
  }

  /** One pooled connection for the whole unit, checked against the deadline once it is ours. */
  private async onPooledConnection<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      requestDeadline.throwIfPassed();
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }
}

/**
 * Runs a write and returns how many rows it changed: the decider of conditional updates.
 * (A plain `manager.query` on better-sqlite3 does not report it reliably.)
 */
export async function changedRows(manager: EntityManager, sql: string, parameters: readonly unknown[]): Promise<number> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return (await runner.query(sql, [...parameters], true)).affected ?? 0;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
