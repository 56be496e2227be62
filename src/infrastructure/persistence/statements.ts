import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';
import { translated } from './database-errors.js';
import type { Dialect } from './dialects/dialect.js';

/**
 * What an adapter can ask of the database inside one unit of work (Database.run or
 * .transaction). SQL is written once, with `?` placeholders, for every database: the dialect
 * makes the driver's form of it, and turns a unique violation into DuplicateKey.
 */
export interface Statements {
  /** The rows a statement returns (none for a write). */
  query<Row = Record<string, unknown>>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
  /** Runs a write and answers how many rows it changed: the decider of conditional updates. */
  changedRows(sql: string, parameters?: readonly unknown[]): Promise<number>;
  /** Inserts one row of a mapped table (TypeORM writes the SQL). */
  insert<Entity extends ObjectLiteral>(entity: EntitySchema<Entity>, row: Entity): Promise<void>;
  /** Updates the rows of a mapped table that match every criterion. */
  update<Entity extends ObjectLiteral>(entity: EntitySchema<Entity>, criteria: Partial<Entity>, changes: Partial<Entity>): Promise<void>;
}

/** Statements on a TypeORM EntityManager (the pool's connection, or SQLite's one connection). */
export function statementsOn(manager: EntityManager, dialect: Dialect): Statements {
  const translating = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw translated(dialect, error);
    }
  };
  return {
    query: (sql, parameters = []) => translating(() => manager.query(dialect.placeholders(sql), [...parameters])),
    changedRows: (sql, parameters = []) =>
      translating(async () => {
        // A plain `manager.query` on better-sqlite3 does not report the count reliably: ask for the structured result.
        const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
        try {
          return (await runner.query(dialect.placeholders(sql), [...parameters], true)).affected ?? 0;
        } finally {
          if (!manager.queryRunner) await runner.release();
        }
      }),
    insert: (entity, row) =>
      translating(async () => {
        await manager.insert(entity, row);
      }),
    update: (entity, criteria, changes) =>
      translating(async () => {
        await manager.update(entity, criteria, changes);
      }),
  };
}
