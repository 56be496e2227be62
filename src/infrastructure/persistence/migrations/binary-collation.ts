import type { QueryRunner } from 'typeorm';

/**
 * Makes a table created by a migration compare its strings byte for byte on MySQL/MariaDB,
 * as SQLite does by default: a new table takes the database's default collation, which on
 * MariaDB folds accents and emoji (see 1764000003000-binary-identifier-collation.ts).
 * Every migration that creates a table calls it; the collation test checks every column.
 */
export async function useBinaryCollation(queryRunner: QueryRunner, table: string): Promise<void> {
  if (queryRunner.connection.options.type !== 'mysql') return;
  await queryRunner.query(`ALTER TABLE \`${table}\` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
}
