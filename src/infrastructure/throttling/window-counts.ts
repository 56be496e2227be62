import { RateLimiterMemory, RateLimiterRes, type IRateLimiterOptions } from 'rate-limiter-flexible';

interface Count {
  value: number;
  /** Milliseconds since the epoch; null: a count without a window (duration 0). */
  readonly expiresAt: number | null;
}

/**
 * The counts of a limiter in process memory, in place of rate-limiter-flexible's
 * MemoryStorage, which kept a timer for every key to delete it at the end of its window: ~500
 * bytes a key, and a login leaves a key per limiter it passed for the whole window (15
 * minutes), even when it succeeded. Measured: ~680 heap bytes for every login of another
 * account, 33,000 second steps ~30 MB (issue 18). Here:
 * - a count given back to zero (a success's reward) is deleted at once: it holds nothing;
 * - a reward for nothing counted leaves nothing (MemoryStorage stored a count of -1: a point
 *   more for the next attempt);
 * - counts whose window has ended are dropped by the next write, from the front: a Map keeps
 *   the order counts were made in, and every count of one limiter lasts as long.
 */
export class WindowCounts {
  private readonly counts = new Map<string, Count>();

  constructor(private readonly now: () => number = Date.now) {}

  /** How many keys hold a count. */
  get size(): number {
    return this.counts.size;
  }

  incrby(key: string, value: number, durationSec: number): RateLimiterRes {
    const now = this.now();
    this.dropEnded(now);
    const count = this.live(key, now);
    if (!count) return value > 0 ? this.set(key, value, durationSec) : nothingCounted();
    count.value += value;
    if (count.value <= 0) {
      this.counts.delete(key);
      return nothingCounted();
    }
    return answerFor(count, now);
  }

  set(key: string, value: number, durationSec: number): RateLimiterRes {
    const durationMs = durationSec * 1000;
    // Deleted first, so that the new count goes to the end of the order.
    this.counts.delete(key);
    this.counts.set(key, { value, expiresAt: durationMs > 0 ? this.now() + durationMs : null });
    return new RateLimiterRes(0, durationMs > 0 ? durationMs : -1, value, true);
  }

  get(key: string): RateLimiterRes | null {
    const now = this.now();
    const count = this.live(key, now);
    return count ? answerFor(count, now) : null;
  }

  delete(key: string): boolean {
    return this.counts.delete(key);
  }

  private live(key: string, now: number): Count | undefined {
    const count = this.counts.get(key);
    if (count?.expiresAt != null && count.expiresAt <= now) {
      this.counts.delete(key);
      return undefined;
    }
    return count;
  }

  // Stops at the first count still running (or without a window): the ones after it began later.
  private dropEnded(now: number): void {
    for (const [key, count] of this.counts) {
      if (count.expiresAt === null || count.expiresAt > now) return;
      this.counts.delete(key);
    }
  }
}

/** What the limiter is told of a count still running: its points, and the wait until its window ends (-1: none). */
const answerFor = (count: Count, now: number) => new RateLimiterRes(0, count.expiresAt === null ? -1 : count.expiresAt - now, count.value, false);

// A new one each time: the limiter writes remainingPoints into what it is given.
const nothingCounted = () => new RateLimiterRes(0, 0, 0, false);

/** rate-limiter-flexible's limiter in process memory, counting in WindowCounts. */
export class WindowedMemoryLimiter extends RateLimiterMemory {
  constructor(options: IRateLimiterOptions, counts: WindowCounts = new WindowCounts()) {
    super(options);
    // RateLimiterMemory keeps its counts in this field, and its consume, penalty, reward, block,
    // set, get and delete call only incrby, set, get and delete on it (rate-limiter-flexible 11;
    // its dump and restore, unused here, read the library's own storage). The limiter-store
    // suite and window-counts.test.ts hold the two together.
    (this as unknown as { _memoryStorage: WindowCounts })._memoryStorage = counts;
  }
}
