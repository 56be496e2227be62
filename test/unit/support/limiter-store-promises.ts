import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimiterOptions } from '../../../src/infrastructure/persistence/dialects/dialect.js';

/** A store the throttle's limiters count in (memory, Redis, a database's table). */
export interface LimiterStoreUnderTest {
  limiter(options: LimiterOptions): RateLimiterAbstract;
  close(): Promise<void>;
}

/** What a consume made: its count, whether it was refused, and the wait it was told. */
async function consumed(limiter: RateLimiterAbstract, key: string): Promise<{ refused: boolean; consumedPoints: number; waits: boolean }> {
  try {
    const res = await limiter.consume(key);
    return { refused: false, consumedPoints: res.consumedPoints, waits: false };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { refused: true, consumedPoints: error.consumedPoints, waits: error.msBeforeNext > 0 };
  }
}

/**
 * What RateLimiterAttemptThrottle relies on from the store its counts live in, as one suite
 * for process memory (the SQLite default and the fallback) and every shared store: Redis and
 * the database servers' rate_limits tables (RateLimiterMySQL, RateLimiterPostgres). The
 * ceiling's one AccountCeilingReached depends on the exact, atomic count of each consume.
 */
export function limiterStorePromises(make: () => Promise<LimiterStoreUnderTest>): void {
  let s: LimiterStoreUnderTest;
  // Shared stores outlive a run: every limiter counts under a prefix of its own.
  const fresh = (points: number) => s.limiter({ keyPrefix: `contract_${randomBytes(6).toString('hex')}`, points, duration: 60 });

  before(async () => {
    s = await make();
  });
  after(async () => {
    await s?.close();
  });

  it('counts each consume and refuses the one past the points, with a wait', async () => {
    const limiter = fresh(3);
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await consumed(limiter, 'key'));
    expect(outcomes).to.deep.equal([
      { refused: false, consumedPoints: 1, waits: false },
      { refused: false, consumedPoints: 2, waits: false },
      { refused: false, consumedPoints: 3, waits: false },
      { refused: true, consumedPoints: 4, waits: true },
    ]);
  });

  it('counts 20 parallel consumes of one key atomically: 5 let through, and the refusals count 6 to 20', async () => {
    const limiter = fresh(5);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => consumed(limiter, 'key')));
    expect(outcomes.filter((o) => !o.refused)).to.have.lengthOf(5);
    expect(outcomes.filter((o) => o.refused).map((o) => o.consumedPoints).sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 15 }, (_, i) => i + 6));
  });

  it('counts keys apart byte for byte: letter case and accents make another key', async () => {
    const limiter = fresh(1);
    const outcomes = [];
    for (const key of ['AbC', 'abc', 'kevin', 'kévin', 'abc']) outcomes.push((await consumed(limiter, key)).refused);
    expect(outcomes).to.deep.equal([false, false, false, false, true]);
  });

  it('gives a point back on reward, and starts the count over on delete', async () => {
    const limiter = fresh(2);
    await limiter.consume('key');
    await limiter.consume('key');
    await limiter.reward('key');
    const afterReward = await consumed(limiter, 'key');
    await limiter.delete('key');
    expect([afterReward, await consumed(limiter, 'key')]).to.deep.equal([
      { refused: false, consumedPoints: 2, waits: false },
      { refused: false, consumedPoints: 1, waits: false },
    ]);
  });
}
