import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The admin API (issue 17): when an administrator disabled an account, and when it last
 * logged in (a column rather than derived from sessions: sessions are ended and pruned, and
 * the admin list would otherwise join and aggregate them on every page).
 * Epoch ms like every time; numbers only, so no collation to align on MySQL.
 */
export class AddUserAdministration1764000008000 implements MigrationInterface {
  name = 'AddUserAdministration1764000008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('users', [
      new TableColumn({ name: 'disabled_at', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'last_login_at', type: 'bigint', isNullable: true }),
    ]);
    // The admin list pages by (created_at, id).
    await queryRunner.createIndex('users', new TableIndex({ name: 'ix_users_created_at_id', columnNames: ['created_at', 'id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('users', 'ix_users_created_at_id');
    await queryRunner.dropColumn('users', 'last_login_at');
    await queryRunner.dropColumn('users', 'disabled_at');
  }
}
