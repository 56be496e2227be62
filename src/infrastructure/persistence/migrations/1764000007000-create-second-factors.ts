import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { useBinaryCollation } from './binary-collation.js';

const epochMs = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });
const userColumn = { name: 'user_id', type: 'varchar', length: '36' };
const ofUser = (name: string) => new TableForeignKey({ name, columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' });

/**
 * A table that refers to users: created, made byte-for-byte like users.id (MySQL refuses a
 * foreign key between columns of different collations), and only then tied to users.
 */
async function createUserTable(queryRunner: QueryRunner, table: Table, foreignKey: string): Promise<void> {
  await queryRunner.createTable(table);
  await useBinaryCollation(queryRunner, table.name);
  await queryRunner.createForeignKey(table.name, ofUser(foreignKey));
}

/**
 * Second factors (API.md "Second factors"): a TOTP secret per account, sealed with AES-256-GCM
 * (ciphertext, nonce and tag, base64; the row's id is the associated data), its recovery codes
 * as SHA-256 hashes, and the pending second steps of logins, their tokens as hashes too.
 */
export class CreateSecondFactors1764000007000 implements MigrationInterface {
  name = 'CreateSecondFactors1764000007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createUserTable(
      queryRunner,
      new Table({
        name: 'totp_factors',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          userColumn,
          { name: 'secret_ciphertext', type: 'varchar', length: '255' },
          { name: 'secret_nonce', type: 'varchar', length: '32' },
          { name: 'secret_tag', type: 'varchar', length: '32' },
          epochMs('confirmed_at', true),
          // RFC 6238 §5.2: the step of the code accepted last; a code of it or before is refused.
          epochMs('last_used_step', true),
          epochMs('created_at'),
        ],
        indices: [{ name: 'uq_totp_factors_user', columnNames: ['user_id'], isUnique: true }],
      }),
      'fk_totp_factors_user',
    );
    await createUserTable(
      queryRunner,
      new Table({
        name: 'recovery_codes',
        columns: [
          { ...userColumn, isPrimary: true },
          { name: 'code_hash', type: 'varchar', length: '64', isPrimary: true },
          epochMs('created_at'),
          epochMs('used_at', true),
        ],
      }),
      'fk_recovery_codes_user',
    );
    await createUserTable(
      queryRunner,
      new Table({
        name: 'mfa_challenges',
        columns: [
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          userColumn,
          epochMs('created_at'),
          epochMs('expires_at'),
          epochMs('spent_at', true),
          { name: 'failures', type: 'int', default: 0 },
        ],
        indices: [{ name: 'ix_mfa_challenges_user', columnNames: ['user_id'] }],
      }),
      'fk_mfa_challenges_user',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mfa_challenges');
    await queryRunner.dropTable('recovery_codes');
    await queryRunner.dropTable('totp_factors');
  }
}
