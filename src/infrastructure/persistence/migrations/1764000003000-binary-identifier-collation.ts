import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every table this service made on MySQL/MariaDB. Each was created in the database's default
// collation: utf8mb4_general_ci on MariaDB, which folds accents and emoji, so that
// `WHERE email_canonical = ?` found kevin@example.com for kęvįn@exąmplė.com (and logged it in
// with kevin's password), a🦊 found a😀, and throttle keys (base64url, where case matters)
// shared counts. utf8mb4_bin compares code points, as SQLite's default BINARY collation does
// (none of our SQLite columns names another), so an identifier equals only itself on both.
// Its PAD SPACE ignores trailing spaces, which no identifier holds (Email refuses spaces).
// A table added later takes the database's default: its migration calls useBinaryCollation.
const TABLES = ['users', 'sessions', 'refresh_tokens', 'account_tokens', 'mail_outbox', 'rate_limits'];

// MariaDB refuses to change a column a foreign key uses, even with FOREIGN_KEY_CHECKS=0
// (MDEV-31086): these are dropped, the tables converted, then made again as first created.
const FOREIGN_KEYS = [
  { table: 'sessions', name: 'fk_sessions_user', column: 'user_id', references: 'users' },
  { table: 'refresh_tokens', name: 'fk_refresh_tokens_session', column: 'session_id', references: 'sessions' },
  { table: 'account_tokens', name: 'fk_account_tokens_user', column: 'user_id', references: 'users' },
];

/**
 * Converts every string column to utf8mb4_bin, existing rows kept: collations only, no value
 * changes, and a unique index that held under the folding collation holds under this one.
 * MySQL DDL commits as it goes: each step can be run again, so a failed run can be retried.
 * The tables are rewritten (ALGORITHM=COPY); a large users table takes a while.
 */
export class BinaryIdentifierCollation1764000003000 implements MigrationInterface {
  name = 'BinaryIdentifierCollation1764000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.convertAll(queryRunner, 'utf8mb4 COLLATE utf8mb4_bin');
  }

  /** Back to the character set's default collation (the server's, as the tables first had). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await this.convertAll(queryRunner, 'utf8mb4');
  }

  private async convertAll(queryRunner: QueryRunner, characterSet: string): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    const existing = await existingForeignKeys(queryRunner);
    for (const fk of FOREIGN_KEYS) {
      if (existing.has(fk.name)) await queryRunner.query(`ALTER TABLE \`${fk.table}\` DROP FOREIGN KEY \`${fk.name}\``);
    }
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE \`${table}\` CONVERT TO CHARACTER SET ${characterSet}`);
    for (const fk of FOREIGN_KEYS) {
      await queryRunner.query(
        `ALTER TABLE \`${fk.table}\` ADD CONSTRAINT \`${fk.name}\` FOREIGN KEY (\`${fk.column}\`) ` +
          `REFERENCES \`${fk.references}\` (\`id\`) ON DELETE CASCADE`,
      );
    }
  }
}

async function existingForeignKeys(queryRunner: QueryRunner): Promise<Set<string>> {
  const rows: Array<{ name: string }> = await queryRunner.query(
    `SELECT CONSTRAINT_NAME AS name FROM information_schema.TABLE_CONSTRAINTS
      WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_TYPE = 'FOREIGN KEY'`,
  );
  return new Set(rows.map((row) => row.name));
}
