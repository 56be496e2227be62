import { expect } from 'chai';
import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import { createLogger } from '../../../src/infrastructure/logging/create-logger.js';
import { requestDeadline } from '../../../src/infrastructure/request-context/request-deadline.js';
import { createThrottleLimiters } from '../../../src/infrastructure/throttling/create-throttle-limiters.js';
import { RateLimiterAttemptThrottle } from '../../../src/infrastructure/throttling/rate-limiter-attempt-throttle.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const silent = createLogger({ level: 'fatal', stream: new Writable({ write: (_chunk, _encoding, done) => done() }) });

/**
 * A login of a new account leaves counts in process memory for the whole window (15 minutes).
 * They must not hold the request that made them: rate-limiter-flexible's MemoryStorage gave
 * each count a timer, and a timer made inside a request carries the request's context (its
 * deadline's AbortSignal, its facts) until it fires, ~1.5 KB a login, measured, for every
 * distinct e-mail tried (window-counts.ts keeps no timers).
 */
describe('the throttle and the request it counts for', () => {
  it('keeps its counts, but not the request, once the request has ended', async () => {
    const config = loadConfig({ JWT_SECRET: 's'.repeat(32), LOGIN_MAX_FAILURES_PER_ADDRESS: '20' });
    const throttle = new RateLimiterAttemptThrottle(createThrottleLimiters({ kind: 'memory' }, config, silent));
    const signals: WeakRef<AbortSignal>[] = [];
    const login = async (i: number) => {
      const deadline = new AbortController();
      signals.push(new WeakRef(deadline.signal));
      await requestDeadline.run(deadline.signal, () => throttle.beforeLogin(`user-${i}@example.com`, '203.0.113.7'), '203.0.113.7');
    };
    for (let i = 0; i < 20; i++) await login(i);
    await nextTurn();
    collectGarbage();
    await nextTurn();
    expect(signals.filter((signal) => signal.deref() !== undefined), 'request deadlines still held').to.have.length(0);
    // The counts are all there: the address has 20 failures on its books, whose limit is 20.
    const refused = await throttle.beforeLogin('one-more@example.com', '203.0.113.7').then(
      () => false,
      () => true,
    );
    expect(refused, 'the 21st failure from the address refused').to.equal(true);
  });
});
