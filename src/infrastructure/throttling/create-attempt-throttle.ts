import cluster from 'node:cluster';
import type { Redis } from 'ioredis';
import type { Config } from '../config/config.js';
import type { Logger } from '../logging/create-logger.js';
import type { Database } from '../persistence/database.js';
import { createThrottleLimiters, type LimiterStore } from './create-throttle-limiters.js';
import { RateLimiterAttemptThrottle } from './rate-limiter-attempt-throttle.js';

export interface ThrottleWithStore {
  readonly throttle: RateLimiterAttemptThrottle;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

/** Picks where counts live (REDIS_URL, else a database server, else the cluster's primary, else memory) and builds the throttle on it. */
export async function createAttemptThrottle(config: Config, db: Database, logger: Logger): Promise<ThrottleWithStore> {
  let store: LimiterStore = { kind: 'memory' };
  let redis: Redis | null = null;
  if (config.redisUrl) {
    // No offline queue: while Redis is down a call fails at once (and counts in memory),
    // instead of waiting for a reconnect that may never come.
    // Loaded only here: a service without REDIS_URL never needs its ~40 modules.
    const { Redis } = await import('ioredis');
    redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    redis.on('error', () => undefined); // reported through the limiter's fallback log line
    store = { kind: 'redis', client: redis };
  } else if (db.dialect.limiter) {
    const onDatabase = db.dialect.limiter;
    store = { kind: 'database', name: db.kind, limiter: (options) => onDatabase(db.dataSource, options) };
  } else if (cluster.isWorker) {
    // Workers on one SQLite file (src/cluster.ts): in-memory counts would be per worker.
    store = { kind: 'cluster' };
  }
  return {
    throttle: new RateLimiterAttemptThrottle(createThrottleLimiters(store, config, logger)),
    close: async () => {
      redis?.disconnect();
    },
  };
}
