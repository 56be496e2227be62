import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

// Times are epoch milliseconds in BIGINT columns: exact to the millisecond (a password
// change and a token signed in the same second must still be ordered), free of time-zone
// conversions, and compared the same way by SQLite and MySQL in conditional updates.
const epochMs = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });

export class CreateUsersAndSessions1764000000000 implements MigrationInterface {
  name = 'CreateUsersAndSessions1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'email_canonical', type: 'varchar', length: '254' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          epochMs('email_verified_at', true),
          epochMs('password_changed_at'),
          epochMs('created_at'),
        ],
        // One account per address, decided by the database so that a race has one winner.
        indices: [{ name: 'uq_users_email_canonical', columnNames: ['email_canonical'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          epochMs('created_at'),
          epochMs('last_used_at'),
          epochMs('expires_at'),
          epochMs('revoked_at', true),
          { name: 'user_agent', type: 'varchar', length: '512', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          // The family's own key for deriving successor tokens (see HmacSuccessorTokenDeriver).
          { name: 'successor_key', type: 'varchar', length: '64' },
        ],
        indices: [{ name: 'ix_sessions_user_id', columnNames: ['user_id'] }],
        foreignKeys: [
          { name: 'fk_sessions_user', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          // SHA-256 of the token, hex: the token itself is never stored.
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'session_id', type: 'varchar', length: '36' },
          epochMs('created_at'),
          epochMs('expires_at'),
          epochMs('spent_at', true),
        ],
        indices: [{ name: 'ix_refresh_tokens_session_id', columnNames: ['session_id'] }],
        foreignKeys: [
          { name: 'fk_refresh_tokens_session', columnNames: ['session_id'], referencedTableName: 'sessions', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('refresh_tokens');
    await queryRunner.dropTable('sessions');
    await queryRunner.dropTable('users');
  }
}
