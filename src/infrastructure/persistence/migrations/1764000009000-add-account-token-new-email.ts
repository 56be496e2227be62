import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The address an e-mail change token leads to (null for the other purposes). On MySQL/MariaDB
 * it compares byte for byte like every other string column (binary-collation.ts): a new column
 * would otherwise take the database's folding default.
 */
export class AddAccountTokenNewEmail1764000009000 implements MigrationInterface {
  name = 'AddAccountTokenNewEmail1764000009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const onMysql = queryRunner.connection.options.type === 'mysql';
    await queryRunner.addColumn(
      'account_tokens',
      new TableColumn({ name: 'new_email', type: 'varchar', length: '254', isNullable: true, ...(onMysql ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {}) }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('account_tokens', 'new_email');
  }
}
