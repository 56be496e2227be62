import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { limiterStorePromises } from '../../unit/support/limiter-store-promises.js';
import { openAdapterDatabase } from '../recovery/adapter-database.js';
import { TEST_REDIS_URL } from '../support/redis-store.js';
import { databaseKind, onDatabaseServer } from '../support/test-database.js';

// The stores the throttle counts in when shared by a fleet, held to the promises process memory
// keeps (test/unit/throttling/memory-limiter-store.test.ts). Defined on a database server only
// for its table: SQLite's dialect has none (its counts live in memory).
if (onDatabaseServer()) {
  describe(`limiter store: the rate_limits table (${databaseKind()})`, () => {
    limiterStorePromises(async () => {
      const a = await openAdapterDatabase();
      const onDatabase = a.db.dialect.limiter!;
      return { limiter: (options) => onDatabase(a.dataSource, options), close: () => a.close() };
    });
  });
}

describe('limiter store: Redis', () => {
  limiterStorePromises(async () => {
    const redis = new Redis(TEST_REDIS_URL);
    return {
      limiter: (options) => new RateLimiterRedis({ ...options, storeClient: redis }),
      close: async () => {
        redis.disconnect();
      },
    };
  });
});
