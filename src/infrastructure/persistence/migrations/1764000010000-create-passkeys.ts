import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { useBinaryCollation } from './binary-collation.js';

const epochMs = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });
const userColumn = { name: 'user_id', type: 'varchar', length: '36' };
const sha256 = (name: string, extra: object = {}) => ({ name, type: 'varchar', length: '64', ...extra });

/** As 1764000007000: created, made byte-for-byte like users.id, then tied to users. */
async function createUserTable(queryRunner: QueryRunner, table: Table, foreignKey: string): Promise<void> {
  await queryRunner.createTable(table);
  await useBinaryCollation(queryRunner, table.name);
  await queryRunner.createForeignKey(table.name, new TableForeignKey({ name: foreignKey, columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }));
}

/**
 * Passkeys (API.md "Passkeys (WebAuthn)"): the credentials, keyed by the SHA-256 of their id
 * (an id may be up to 1023 bytes, past MySQL's key length); the opaque user handle of each
 * account that has registered one; and the pending challenges, as hashes, bound to a purpose.
 */
export class CreatePasskeys1764000010000 implements MigrationInterface {
  name = 'CreatePasskeys1764000010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createUserTable(
      queryRunner,
      new Table({
        name: 'passkeys',
        columns: [
          sha256('id_hash', { isPrimary: true }),
          { name: 'credential_id', type: 'text' },
          userColumn,
          // The COSE key, base64url: text, so that no dialect's blob type is needed.
          { name: 'public_key', type: 'text' },
          { name: 'sign_count', type: 'bigint' },
          { name: 'transports', type: 'varchar', length: '255' },
          { name: 'backup_eligible', type: 'int' },
          { name: 'backed_up', type: 'int' },
          { name: 'aaguid', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '255' },
          epochMs('created_at'),
          epochMs('last_used_at', true),
        ],
        indices: [{ name: 'ix_passkeys_user', columnNames: ['user_id'] }],
      }),
      'fk_passkeys_user',
    );
    await createUserTable(
      queryRunner,
      new Table({
        name: 'webauthn_user_handles',
        columns: [{ ...userColumn, isPrimary: true }, { name: 'handle', type: 'varchar', length: '128' }, epochMs('created_at')],
        indices: [{ name: 'uq_webauthn_user_handles_handle', columnNames: ['handle'], isUnique: true }],
      }),
      'fk_webauthn_user_handles_user',
    );
    await createUserTable(
      queryRunner,
      new Table({
        name: 'webauthn_challenges',
        columns: [
          sha256('challenge_hash', { isPrimary: true }),
          { name: 'purpose', type: 'varchar', length: '16' },
          { ...userColumn, isNullable: true },
          // The second step's mfaToken, hashed as mfa_challenges keeps it; null for the others.
          sha256('binding_hash', { isNullable: true }),
          epochMs('created_at'),
          epochMs('expires_at'),
        ],
        indices: [{ name: 'ix_webauthn_challenges_expires', columnNames: ['expires_at'] }, { name: 'ix_webauthn_challenges_user', columnNames: ['user_id'] }],
      }),
      'fk_webauthn_challenges_user',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webauthn_challenges');
    await queryRunner.dropTable('webauthn_user_handles');
    await queryRunner.dropTable('passkeys');
  }
}
