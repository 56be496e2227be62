import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { useBinaryCollation } from './binary-collation.js';

const epochMs = (name: string) => ({ name, type: 'bigint', isNullable: false });

/**
 * Password-reset requests waiting for the background round that resolves them (see
 * PasswordResetRequests): the request path only inserts here, the same for every address.
 */
export class CreatePasswordResetRequests1764000004000 implements MigrationInterface {
  name = 'CreatePasswordResetRequests1764000004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'password_reset_requests',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          // The address as requested, registered or not: personal data, so the row is deleted
          // as soon as it is resolved (a link mailed, or no account found).
          { name: 'email', type: 'varchar', length: '254' },
          epochMs('requested_at'),
        ],
        indices: [{ name: 'ix_password_reset_requests_requested_at', columnNames: ['requested_at'] }],
      }),
    );
    await useBinaryCollation(queryRunner, 'password_reset_requests');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('password_reset_requests');
  }
}
