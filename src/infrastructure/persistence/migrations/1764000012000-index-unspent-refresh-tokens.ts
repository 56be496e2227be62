import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The live-session rule (typeorm-session-store.ts LIVE) asks whether a session holds an
 * unspent refresh token, on every authenticated request. Every rotation leaves a spent row, so
 * a session refreshed every 15 minutes for a month holds ~3,000: by session_id alone the check
 * walked them all (328 µs per check on SQLite at 3,000, against 1.6 µs by this index;
 * bench/long-session-check.ts).
 */
export class IndexUnspentRefreshTokens1764000012000 implements MigrationInterface {
  name = 'IndexUnspentRefreshTokens1764000012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('refresh_tokens', new TableIndex({ name: 'ix_refresh_tokens_session_unspent', columnNames: ['session_id', 'spent_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('refresh_tokens', 'ix_refresh_tokens_session_unspent');
  }
}
