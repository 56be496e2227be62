import type { DataSource, EntityManager } from 'typeorm';
import { guardDatabase } from './database-errors.js';

/**
 * The one way adapters reach the database: every call is translated (unreachable -> 
 * DependencyUnavailable) and, on SQLite, serialised.
 *
 * Why serialise: better-sqlite3 is one synchronous connection, and TypeORM 1.1 does not queue
 * transactions on it. Two overlapping transactions fail ("cannot start a transaction within
 * a transaction"), and a plain statement issued while another request's transaction is open
 * silently joins it (and is rolled back with it). SQLite runs one statement at a time anyway,
 * so a queue costs no throughput. MySQL has a pool: calls go straight through.
 */
export class Database {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  get kind(): 'sqlite' | 'mysql' {
    return this.serial ? 'sqlite' : 'mysql';
  }

  /** Statements that need no atomicity together. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.exclusive(() => guardDatabase(() => work(this.dataSource.manager)));
  }

  /** Statements that all happen or none do. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.exclusive(() => guardDatabase(() => this.dataSource.transaction(work)));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (!this.serial) return work();
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
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
