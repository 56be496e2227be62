import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { requestDeadline } from '../request-context/request-deadline.js';
import { guardDatabase, isBusy } from './database-errors.js';
import { withinDeadline, type Database } from './database.js';
import type { Dialect } from './dialects/dialect.js';
import { ReadsOfOneTurn } from './reads-of-one-turn.js';
import { retryWhileBusy } from './retry-while-busy.js';
import { statementsOn, type Statements } from './statements.js';
import { unitOfWork } from './unit-of-work.js';

/**
 * SQLite's one connection, every unit of work queued.
 *
 * Why serialise: better-sqlite3 is one synchronous connection, and TypeORM 1.1 does not queue
 * transactions on it. Two overlapping transactions fail ("cannot start a transaction within
 * a transaction"), and a plain statement issued while another request's transaction is open
 * silently joins it (and is rolled back with it). SQLite runs one statement at a time anyway,
 * so a queue costs no throughput. Another connection (another process) may hold the file's
 * lock: work waits for it without blocking (retryWhileBusy).
 */
export class SerialDatabase implements Database {
  readonly kind;
  private tail: Promise<unknown> = Promise.resolve();
  /** Units of work queued or running: none means no transaction is open. */
  private pending = 0;
  private readonly statements = new Map<string, PreparedRead>();
  private readonly turnReads = new ReadsOfOneTurn({
    connection: () => (this.dataSource.isInitialized ? this.connection() : null),
    idle: () => this.pending === 0,
    queued: (read) => this.exclusive(async () => read()),
  });

  constructor(
    readonly dataSource: DataSource,
    readonly dialect: Dialect,
  ) {
    this.kind = dialect.kind;
  }

  run<T>(work: (statements: Statements) => Promise<T>): Promise<T> {
    const joined = unitOfWork.joined(this);
    if (joined) return work(joined);
    return this.exclusive(() => work(statementsOn(this.dataSource.manager, this.dialect)));
  }

  /**
   * With nothing queued (so no transaction is open that it could join), it runs on a statement
   * prepared once: the hot path of every authenticated request, measured at ~3 µs against
   * ~40 µs through TypeORM and the queue (bench/, docs/performance.md). A read outside any
   * request's deadline (a safe method's, on SQLite: every GET's bearer check) waits for the
   * other reads of its turn of the event loop (ReadsOfOneTurn); one inside a request's deadline
   * runs at once, where that deadline is checked. Otherwise, and when the file is locked, it
   * takes the queue like any other call.
   */
  readOne(sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown> | undefined> {
    // Inside a unit of work, a read must see its writes (and not wait on its locks elsewhere).
    if (unitOfWork.joined(this)) return this.run(async (statements) => (await statements.query(sql, parameters))[0]);
    if (this.pending === 0 && this.dataSource.isInitialized) {
      const read = () => this.prepared(sql).first(parameters);
      if (!requestDeadline.current()) return this.turnReads.read(read);
      try {
        requestDeadline.throwIfPassed();
        return Promise.resolve(read());
      } catch (error) {
        if (!isBusy(error)) return guardDatabase(this.dialect, () => Promise.reject(error));
      }
    }
    return this.run(async (statements) => (await statements.query(sql, parameters))[0]);
  }

  transaction<T>(work: (statements: Statements) => Promise<T>): Promise<T> {
    // Inside a unit of work (AuditTrail.recordWith) the work is part of its transaction.
    const joined = unitOfWork.joined(this);
    if (joined) return work(joined);
    return this.exclusive(() => this.dataSource.transaction(withinDeadline(this.dialect, work)));
  }

  private prepared(sql: string): PreparedRead {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = new PreparedRead(this.connection().prepare(this.dialect.placeholders(sql)));
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private connection(): BetterSqlite3.Database {
    return (this.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const guarded = () => guardDatabase(this.dialect, () => retryWhileBusy(work));
    this.pending += 1;
    const result = this.tail.then(guarded, guarded);
    this.tail = result.catch(() => undefined).finally(() => {
      this.pending -= 1;
    });
    return result;
  }
}

/**
 * A read prepared once, its first row made here from the values in column order: better-sqlite3
 * makes a row object in C++, setting each column by a name it internalises again for every row,
 * ~4,000 of the ~24,000 instructions of the bearer check's read (callgrind); the same object
 * made in JavaScript, from names read once, takes a fraction of that. The names stay right
 * because every read names its columns (a `SELECT *` would keep those it had at prepare).
 */
class PreparedRead {
  private readonly names: readonly string[] | null;

  constructor(private readonly statement: BetterSqlite3.Statement) {
    this.names = statement.reader ? statement.columns().map((column) => column.name) : null;
    if (this.names) statement.raw(true);
  }

  first(parameters: readonly unknown[]): Record<string, unknown> | undefined {
    if (!this.names) return this.statement.get(...parameters) as Record<string, unknown> | undefined;
    const values = this.statement.get(...parameters) as unknown[] | undefined;
    if (!values) return undefined;
    const row: Record<string, unknown> = {};
    for (let i = 0; i < this.names.length; i += 1) row[this.names[i]!] = values[i];
    return row;
  }
}
