import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * How each session's login was proved (RFC 8176 `amr`, space-separated) and when
 * (`auth_time`, epoch ms): a refresh issues access tokens with the login's, not its own.
 * Sessions begun before were password logins, proved when they began.
 */
export class AddSessionAuthentication1764000006000 implements MigrationInterface {
  name = 'AddSessionAuthentication1764000006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('sessions', [
      new TableColumn({ name: 'amr', type: 'varchar', length: '64', isNullable: false, default: "'pwd'" }),
      new TableColumn({ name: 'auth_time', type: 'bigint', isNullable: false, default: 0 }),
    ]);
    await queryRunner.query('UPDATE sessions SET auth_time = created_at');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('sessions', 'auth_time');
    await queryRunner.dropColumn('sessions', 'amr');
  }
}
