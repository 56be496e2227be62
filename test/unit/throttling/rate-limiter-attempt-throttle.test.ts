import { expect } from 'chai';
import { Writable } from 'node:stream';
import { AccountCeilingReached, TooManyAttempts } from '../../../src/domain/errors.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import type { Env } from '../../../src/infrastructure/config/env-readers.js';
import { createLogger } from '../../../src/infrastructure/logging/create-logger.js';
import { createThrottleLimiters } from '../../../src/infrastructure/throttling/create-throttle-limiters.js';
import { RateLimiterAttemptThrottle } from '../../../src/infrastructure/throttling/rate-limiter-attempt-throttle.js';

const WINDOW_S = 15 * 60;
const ANN = 'ann@example.com';
const silent = createLogger({ level: 'fatal', stream: new Writable({ write: (_chunk, _encoding, done) => done() }) });

/** The adapter on process memory, as the SQLite default runs it, with these limits. */
function throttleWith(env: Env): RateLimiterAttemptThrottle {
  const config = loadConfig({ JWT_SECRET: 's'.repeat(32), LOGIN_MAX_FAILURES: '1000', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000', ...env });
  return new RateLimiterAttemptThrottle(createThrottleLimiters({ kind: 'memory' }, config, silent));
}

type Outcome = 'counted' | 'ceiling reached' | 'refused';

/** What beforeLogin made of the attempt; any other error fails the test. */
async function outcomeOf(attempt: Promise<void>): Promise<Outcome> {
  try {
    await attempt;
    return 'counted';
  } catch (error) {
    if (error instanceof AccountCeilingReached) return 'ceiling reached';
    if (error instanceof TooManyAttempts) return 'refused';
    throw error;
  }
}

const address = (i: number) => `203.0.113.${i}`;

describe('RateLimiterAttemptThrottle', () => {
  describe('LOGIN_MAX_FAILURES_PER_ACCOUNT=3, each attempt from a new address', () => {
    let throttle: RateLimiterAttemptThrottle;
    beforeEach(() => {
      throttle = throttleWith({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
    });
    const attempts = async (count: number, first = 1) => {
      const outcomes: Outcome[] = [];
      for (let i = first; i < first + count; i++) outcomes.push(await outcomeOf(throttle.beforeLogin(ANN, address(i))));
      return outcomes;
    };

    it('counts 3 attempts of one account and refuses the 4th with AccountCeilingReached', async () => {
      expect(await attempts(4)).to.deep.equal(['counted', 'counted', 'counted', 'ceiling reached']);
    });

    it('gives the wait until the window ends, in whole seconds', async () => {
      await attempts(3);
      const error = await throttle.beforeLogin(ANN, address(9)).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(TooManyAttempts).with.property('retryAfterSeconds').within(1, WINDOW_S);
    });

    it('refuses later attempts from yet other addresses with plain TooManyAttempts: the ceiling is reached once', async () => {
      expect(await attempts(7)).to.deep.equal(['counted', 'counted', 'counted', 'ceiling reached', 'refused', 'refused', 'refused']);
    });

    it('judges the crossing by the store’s count: of 10 parallel attempts, 3 counted, exactly 1 reached the ceiling', async () => {
      const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => outcomeOf(throttle.beforeLogin(ANN, address(i + 1)))));
      expect(outcomes.sort()).to.deep.equal(['ceiling reached', 'counted', 'counted', 'counted', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused']);
    });

    it('counts failures only: a success gives its point back', async () => {
      await attempts(2);
      await throttle.beforeLogin(ANN, address(3));
      await throttle.loginSucceeded(ANN, address(3));
      expect(await attempts(2, 4)).to.deep.equal(['counted', 'ceiling reached']);
    });

    it('gives back every point of an attempt that was never judged (the hashing queue was full)', async () => {
      await attempts(2);
      await throttle.beforeLogin(ANN, address(3));
      await throttle.loginNotJudged(ANN, address(3));
      expect(await attempts(2, 4)).to.deep.equal(['counted', 'ceiling reached']);
    });

    it('lifts the ceiling once the password is reset', async () => {
      await attempts(5);
      await throttle.passwordWasReset(ANN);
      expect(await attempts(4, 6)).to.deep.equal(['counted', 'counted', 'counted', 'ceiling reached']);
    });

    it('counts each account alone', async () => {
      await attempts(5);
      expect(await outcomeOf(throttle.beforeLogin('bob@example.com', address(1)))).to.equal('counted');
    });
  });

  describe('per address, LOGIN_MAX_FAILURES_PER_ADDRESS=2', () => {
    let throttle: RateLimiterAttemptThrottle;
    beforeEach(() => {
      throttle = throttleWith({ LOGIN_MAX_FAILURES_PER_ADDRESS: '2' });
    });
    const fromEach = async (...ips: string[]) => {
      const outcomes: Outcome[] = [];
      for (const [i, ip] of ips.entries()) outcomes.push(await outcomeOf(throttle.beforeLogin(`user${i}@example.com`, ip)));
      return outcomes;
    };

    it('counts the addresses of one IPv6 /64 together: the 3rd from it is refused', async () => {
      expect(await fromEach('2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:aaaa::3')).to.deep.equal(['counted', 'counted', 'refused']);
    });

    it('gives an address back the point of a login that was never judged', async () => {
      await throttle.beforeLogin('ann@example.com', '198.51.100.1');
      await throttle.beforeLogin('bob@example.com', '198.51.100.1');
      await throttle.loginNotJudged('bob@example.com', '198.51.100.1');
      expect(await fromEach('198.51.100.1', '198.51.100.1')).to.deep.equal(['counted', 'refused']);
    });

    it('counts another /64 apart', async () => {
      expect(await fromEach('2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:3::1')).to.deep.equal(['counted', 'counted', 'counted']);
    });

    it('counts ::ffff:1.2.3.4 and 1.2.3.4 as one address', async () => {
      expect(await fromEach('::ffff:1.2.3.4', '1.2.3.4', '::FFFF:1.2.3.4')).to.deep.equal(['counted', 'counted', 'refused']);
    });
  });

  describe('per e-mail and address, LOGIN_MAX_FAILURES=2', () => {
    it('counts one e-mail from one IPv6 /64 together', async () => {
      const throttle = throttleWith({ LOGIN_MAX_FAILURES: '2' });
      const outcomes = [];
      for (const ip of ['2001:db8::1', '2001:db8::2', '2001:db8::3']) outcomes.push(await outcomeOf(throttle.beforeLogin(ANN, ip)));
      expect(outcomes).to.deep.equal(['counted', 'counted', 'refused']);
    });
  });
});
