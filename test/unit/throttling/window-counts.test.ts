import { expect } from 'chai';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { WindowCounts, WindowedMemoryLimiter } from '../../../src/infrastructure/throttling/window-counts.js';

const WINDOW_S = 900;

/** A limiter of `points` over a 15-minute window, on counts whose clock the test moves. */
function limiterAt(points: number) {
  const clock = { now: Date.parse('2026-12-01T12:00:00Z') };
  const counts = new WindowCounts(() => clock.now);
  return { clock, counts, limiter: new WindowedMemoryLimiter({ points, duration: WINDOW_S, keyPrefix: 'test' }, counts) };
}

const refusedOrCount = (attempt: Promise<RateLimiterRes>) =>
  attempt.then(
    (res) => res.consumedPoints,
    (error: unknown) => (error instanceof RateLimiterRes ? 'refused' : Promise.reject(error as Error)),
  );

describe('WindowCounts: a limiter’s counts in process memory', () => {
  it('keeps a count while it holds something, and nothing once a success gave its point back', async () => {
    const { counts, limiter } = limiterAt(5);
    for (let i = 0; i < 1000; i++) await limiter.consume(`account-${i}`);
    expect(counts.size, 'after 1,000 attempts of other accounts').to.equal(1000);
    for (let i = 0; i < 1000; i++) await limiter.reward(`account-${i}`);
    expect(counts.size, 'after each was rewarded').to.equal(0);
  });

  it('drops the counts whose window has ended at the next write', async () => {
    const { clock, counts, limiter } = limiterAt(5);
    for (let i = 0; i < 10; i++) await limiter.consume(`early-${i}`);
    clock.now += 60_000;
    await limiter.consume('later');
    clock.now += WINDOW_S * 1000 - 60_000;
    await limiter.consume('last');
    expect(counts.size, 'the ten early counts gone, "later" and "last" kept').to.equal(2);
  });

  it('gives no point more for a reward of nothing counted', async () => {
    const { limiter } = limiterAt(2);
    await limiter.reward('key');
    expect([await refusedOrCount(limiter.consume('key')), await refusedOrCount(limiter.consume('key')), await refusedOrCount(limiter.consume('key'))]).to.deep.equal([1, 2, 'refused']);
  });

  it('refuses past the points until the window ends, telling the wait, and counts afresh after it', async () => {
    const { clock, limiter } = limiterAt(2);
    await limiter.consume('key');
    clock.now += 60_000;
    await limiter.consume('key');
    const refusal = await limiter.consume('key').catch((error: unknown) => error);
    expect(refusal).to.be.instanceOf(RateLimiterRes).with.property('msBeforeNext', (WINDOW_S - 60) * 1000);
    clock.now += (WINDOW_S - 60) * 1000;
    expect(await refusedOrCount(limiter.consume('key'))).to.equal(1);
  });
});
