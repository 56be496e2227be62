import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The table rate-limiter-flexible's RateLimiterMySQL counts in, in its own layout, so that a
 * fleet on one MySQL database shares login and registration limits. SQLite runs as one
 * process and counts in memory: nothing to create there.
 */
export class CreateRateLimits1764000001000 implements MigrationInterface {
  name = 'CreateRateLimits1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    await queryRunner.query(
      'CREATE TABLE IF NOT EXISTS `rate_limits` (' +
        '`key` VARCHAR(255) CHARACTER SET utf8mb4 NOT NULL, ' +
        '`points` INT(9) NOT NULL DEFAULT 0, ' +
        '`expire` BIGINT UNSIGNED, ' +
        'PRIMARY KEY (`key`)) ENGINE = INNODB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    await queryRunner.query('DROP TABLE IF EXISTS `rate_limits`');
  }
}
