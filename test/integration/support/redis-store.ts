/**
 * The Redis the throttling suites count in: the machine's own (CI starts it). Nothing is
 * flushed: keys are hashes of unique e-mails and addresses, and expire with their window.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A port nothing listens on: a Redis that is down. */
export const DOWN_REDIS_URL = 'redis://127.0.0.1:1';
