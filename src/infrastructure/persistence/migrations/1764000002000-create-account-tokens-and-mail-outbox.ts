import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const epochMs = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });

export class CreateAccountTokensAndMailOutbox1764000002000 implements MigrationInterface {
  name = 'CreateAccountTokensAndMailOutbox1764000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'account_tokens',
        columns: [
          // SHA-256 of the mailed token, hex: the token itself is never stored here.
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'purpose', type: 'varchar', length: '32' },
          epochMs('created_at'),
          epochMs('expires_at'),
          epochMs('used_at', true),
          epochMs('superseded_at', true),
        ],
        indices: [{ name: 'ix_account_tokens_user_purpose', columnNames: ['user_id', 'purpose'] }],
        foreignKeys: [
          { name: 'fk_account_tokens_user', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mail_outbox',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'recipient', type: 'varchar', length: '254' },
          { name: 'subject', type: 'varchar', length: '200' },
          // The bodies hold a live link until the mail is sent; they are cleared then.
          { name: 'text_body', type: 'text', isNullable: true },
          { name: 'html_body', type: 'text', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'int', default: 0 },
          epochMs('next_attempt_at'),
          epochMs('claimed_until', true),
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          epochMs('created_at'),
          epochMs('sent_at', true),
        ],
        indices: [{ name: 'ix_mail_outbox_due', columnNames: ['status', 'next_attempt_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mail_outbox');
    await queryRunner.dropTable('account_tokens');
  }
}
