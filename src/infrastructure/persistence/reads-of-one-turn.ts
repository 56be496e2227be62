import type BetterSqlite3 from 'better-sqlite3';

type Row = Record<string, unknown> | undefined;

interface WaitingRead {
  readonly run: () => Row;
  readonly resolve: (row: Row) => void;
  readonly reject: (error: unknown) => void;
}

/** What ReadsOfOneTurn needs of SerialDatabase, decided when the turn's reads run. */
export interface TurnReadsHost {
  /** The raw connection, or null while the data source is not open. */
  connection(): BetterSqlite3.Database | null;
  /** No unit of work queued or running: a read now can join no transaction. */
  idle(): boolean;
  /** The read the slow way (the queue, its retries and its translation of errors). */
  queued(read: () => Row): Promise<Row>;
}

/**
 * The look-ups of one turn of the event loop that no request's deadline carries (on SQLite,
 * a safe method's: every GET's bearer check), run together in one read transaction once the
 * turn's I/O is read (setImmediate: the loop's check phase), as DataLoader batches the loads
 * of one tick (issue 18).
 *
 * Why: between two requests answered one by one, the rest of each request evicts SQLite's
 * code and pages from the CPU's caches (a read of 5 µs in a tight loop took ~14 µs of CPU
 * under load), and every autocommit read begins and ends a read transaction of its own (the
 * WAL snapshot, two `fcntl` locks). Measured on GET /users/me (docs/performance.md, "The
 * eighth pass"): server CPU 124 µs a request before, 55 with each read alone at the check
 * phase, 52 with the turn's reads in one transaction. Most of it comes from answering a turn's
 * requests together, not from the SQL: the bench's bare Koa route, answered one setImmediate
 * later, went from 68 to 39 µs. One connection alone measured the same before and after.
 *
 * Never staler: a read runs after its request arrived, in a transaction begun after every
 * read of the batch was asked for. If a unit of work began meanwhile (its transaction may be
 * open on the connection, across awaits), the turn's reads take the queue behind it, as a
 * read did before whenever anything was queued.
 */
export class ReadsOfOneTurn {
  private waiting: WaitingRead[] = [];
  private begin: BetterSqlite3.Statement | null = null;
  private commit: BetterSqlite3.Statement | null = null;
  private preparedOn: BetterSqlite3.Database | null = null;

  constructor(private readonly host: TurnReadsHost) {}

  read(run: () => Row): Promise<Row> {
    return new Promise((resolve, reject) => {
      if (this.waiting.push({ run, resolve, reject }) === 1) setImmediate(() => this.runAll());
    });
  }

  private runAll(): void {
    const reads = this.waiting;
    this.waiting = [];
    const connection = this.host.connection();
    if (!connection || !this.host.idle() || connection.inTransaction) {
      for (const read of reads) this.host.queued(read.run).then(read.resolve, read.reject);
      return;
    }
    // One read alone needs no BEGIN and COMMIT of its own: its statement is its transaction.
    const together = reads.length > 1 && this.begun(connection);
    for (const read of reads) this.runOne(read);
    if (together) this.ended(connection);
  }

  private runOne(read: WaitingRead): void {
    try {
      read.resolve(read.run());
    } catch {
      // Another connection holds the file (SQLITE_BUSY), or the statement failed: the queue
      // retries the one and translates the error of the other, as for any unit of work.
      this.host.queued(read.run).then(read.resolve, read.reject);
    }
  }

  /**
   * COMMIT of a transaction that only read. It has nothing to fail on, but this runs in a
   * setImmediate callback, where a throw would end the process: should it fail, ROLLBACK
   * ends the transaction as well, and the connection is never left inside one.
   */
  private ended(connection: BetterSqlite3.Database): void {
    try {
      this.commit!.run();
    } catch {
      try {
        if (connection.inTransaction) connection.exec('ROLLBACK');
      } catch {
        // Nothing left to end it with; the next unit of work sees the error.
      }
    }
  }

  /** BEGIN (deferred: the first read takes the snapshot); false if the file refused it. */
  private begun(connection: BetterSqlite3.Database): boolean {
    if (this.preparedOn !== connection) {
      this.begin = connection.prepare('BEGIN');
      this.commit = connection.prepare('COMMIT');
      this.preparedOn = connection;
    }
    try {
      this.begin!.run();
      return true;
    } catch {
      return false;
    }
  }
}
