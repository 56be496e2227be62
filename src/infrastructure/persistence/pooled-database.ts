import type { DataSource } from 'typeorm';
import { requestDeadline } from '../request-context/request-deadline.js';
import { guardDatabase } from './database-errors.js';
import { withinDeadline, type Database } from './database.js';
import type { Dialect } from './dialects/dialect.js';
import { statementsOn, type Statements } from './statements.js';
import { unitOfWork } from './unit-of-work.js';

/** A database server behind the driver's pool: each unit of work on a pooled connection of its own. */
export class PooledDatabase implements Database {
  readonly kind;

  constructor(
    readonly dataSource: DataSource,
    readonly dialect: Dialect,
  ) {
    this.kind = dialect.kind;
  }

  run<T>(work: (statements: Statements) => Promise<T>): Promise<T> {
    const joined = unitOfWork.joined(this);
    if (joined) return work(joined);
    return guardDatabase(this.dialect, () => this.onPooledConnection(work));
  }

  /**
   * On the driver's pool, on a statement prepared once per connection where the dialect can
   * (Dialect.preparedRead): the hot path of every authenticated request, without TypeORM's
   * query runner taken and released around it (bench/, docs/performance.md).
   */
  readOne(sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown> | undefined> {
    // Inside a unit of work, a read must see its writes (and not wait on its locks elsewhere).
    if (unitOfWork.joined(this)) return this.run(async (statements) => (await statements.query(sql, parameters))[0]);
    const { preparedRead } = this.dialect;
    if (!preparedRead || !this.dataSource.isInitialized) return this.run(async (statements) => (await statements.query(sql, parameters))[0]);
    return guardDatabase(this.dialect, async () => {
      requestDeadline.throwIfPassed();
      return preparedRead(this.dataSource, sql, parameters);
    });
  }

  transaction<T>(work: (statements: Statements) => Promise<T>): Promise<T> {
    // Inside a unit of work (AuditTrail.recordWith) the work is part of its transaction.
    const joined = unitOfWork.joined(this);
    if (joined) return work(joined);
    return guardDatabase(this.dialect, () => this.dataSource.transaction(withinDeadline(this.dialect, work)));
  }

  /** One pooled connection for the whole unit, checked against the deadline once it is ours. */
  private async onPooledConnection<T>(work: (statements: Statements) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      requestDeadline.throwIfPassed();
      return await work(statementsOn(runner.manager, this.dialect));
    } finally {
      await runner.release();
    }
  }
}
