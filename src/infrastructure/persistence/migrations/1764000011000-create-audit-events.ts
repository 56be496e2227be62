import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { useBinaryCollation } from './binary-collation.js';

const nullableText = (name: string, length: string) => ({ name, type: 'varchar', length, isNullable: true });

/**
 * The audit log (API.md "Admin API and audit log"): append-only rows, deleted only by the
 * retention job. No foreign key to users: erasure keeps a user's events (they hold its id and
 * no address). Read newest first by (at, id), for every account or for one.
 * A reset request also keeps the request it came from (its id, address and User-Agent), for the
 * event its background resolution writes; the row is deleted once resolved, as before.
 */
export class CreateAuditEvents1764000011000 implements MigrationInterface {
  name = 'CreateAuditEvents1764000011000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'at', type: 'bigint' },
          { name: 'type', type: 'varchar', length: '64' },
          nullableText('user_id', '36'),
          nullableText('session_id', '36'),
          nullableText('ip', '64'),
          nullableText('user_agent', '512'),
          nullableText('request_id', '128'),
          { name: 'details', type: 'varchar', length: '1024' },
        ],
        indices: [
          { name: 'ix_audit_events_at', columnNames: ['at', 'id'] },
          { name: 'ix_audit_events_user_at', columnNames: ['user_id', 'at', 'id'] },
        ],
      }),
    );
    await useBinaryCollation(queryRunner, 'audit_events');
    await queryRunner.addColumns('password_reset_requests', [
      new TableColumn(nullableText('request_id', '128')),
      new TableColumn(nullableText('ip', '64')),
      new TableColumn(nullableText('user_agent', '512')),
    ]);
    await useBinaryCollation(queryRunner, 'password_reset_requests');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('password_reset_requests', ['request_id', 'ip', 'user_agent']);
    await queryRunner.dropTable('audit_events');
  }
}
