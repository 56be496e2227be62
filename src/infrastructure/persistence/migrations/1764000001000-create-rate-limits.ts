import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from '../dialects/dialects.js';

/**
 * The table rate-limiter-flexible counts in on a database server (RateLimiterMySQL,
 * RateLimiterPostgres), in the layout of the dialect's limiter, so that a fleet on one
 * database shares login and registration limits. SQLite runs as one process and counts in
 * memory: its dialect has no such table.
 */
export class CreateRateLimits1764000001000 implements MigrationInterface {
  name = 'CreateRateLimits1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = dialectOf(queryRunner.connection).rateLimitsTable;
    if (table) await queryRunner.query(table.create);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = dialectOf(queryRunner.connection).rateLimitsTable;
    if (table) await queryRunner.query(table.drop);
  }
}
