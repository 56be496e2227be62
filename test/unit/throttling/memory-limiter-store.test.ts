import { WindowedMemoryLimiter } from '../../../src/infrastructure/throttling/window-counts.js';
import { limiterStorePromises } from '../support/limiter-store-promises.js';

// Process memory: where the counts live on the SQLite default, and the fallback of every shared
// store. The same suite runs on Redis and the database servers (test/integration/persistence/).
describe('limiter store: process memory', () => {
  limiterStorePromises(async () => ({ limiter: (options) => new WindowedMemoryLimiter(options), close: async () => undefined }));
});
