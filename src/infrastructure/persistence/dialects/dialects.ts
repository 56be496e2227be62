import type { DataSource } from 'typeorm';
import type { DatabaseKind, Dialect } from './dialect.js';
import { mysqlDialect } from './mysql-dialect.js';
import { postgresDialect } from './postgres-dialect.js';
import { sqliteDialect } from './sqlite-dialect.js';

/** Every database the service runs on. A new one is a dialect file and a line here. */
const DIALECTS: readonly Dialect[] = [sqliteDialect, mysqlDialect, postgresDialect];

export function dialectFor(kind: DatabaseKind): Dialect {
  const dialect = DIALECTS.find((candidate) => candidate.kind === kind);
  if (!dialect) throw new Error(`no dialect for ${kind}`);
  return dialect;
}

/** The dialect of an opened (or configured) DataSource, by its TypeORM driver. */
export function dialectOf(dataSource: DataSource): Dialect {
  const dialect = DIALECTS.find((candidate) => candidate.driver === dataSource.options.type);
  if (!dialect) throw new Error(`no dialect for the ${dataSource.options.type} driver`);
  return dialect;
}
