import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../logging/create-logger.js';
import { WindowedMemoryLimiter } from './window-counts.js';

export interface LimiterHealth {
  readonly store: string;
  /** False while the shared store fails and counts live in this process only. */
  readonly shared: boolean;
}

/**
 * A limiter on a shared store (Redis, MySQL) with process memory as insurance: when the
 * store fails, counting goes on in memory rather than letting every attempt through or
 * refusing everyone, and the switch is logged once each way and shown in /health/ready.
 * (rate-limiter-flexible's own insuranceLimiter does the same silently.)
 */
export class FallbackLimiter {
  private readonly memory: WindowedMemoryLimiter;
  private usingMemory = false;

  constructor(
    private readonly primary: RateLimiterAbstract,
    private readonly storeName: string,
    private readonly logger: Logger,
  ) {
    this.memory = new WindowedMemoryLimiter({ points: primary.points, duration: primary.duration, keyPrefix: primary.keyPrefix });
  }

  get points(): number {
    return this.primary.points;
  }

  health(): LimiterHealth {
    return { store: this.storeName, shared: !this.usingMemory };
  }

  consume(key: string): Promise<RateLimiterRes> {
    return this.call((limiter) => limiter.consume(key));
  }

  reward(key: string): Promise<unknown> {
    return this.call((limiter) => limiter.reward(key));
  }

  delete(key: string): Promise<unknown> {
    return this.call((limiter) => limiter.delete(key));
  }

  private async call<T>(operation: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> {
    try {
      const result = await operation(this.primary);
      this.switchTo(false);
      return result;
    } catch (error) {
      // A RateLimiterRes rejection is "over the limit", an answer; anything else is the store failing.
      if (error instanceof RateLimiterRes) {
        this.switchTo(false);
        throw error;
      }
      this.switchTo(true, error);
      return operation(this.memory);
    }
  }

  private switchTo(memory: boolean, error?: unknown): void {
    if (memory === this.usingMemory) return;
    this.usingMemory = memory;
    if (memory) {
      this.logger.warn({ store: this.storeName, limiter: this.primary.keyPrefix, err: error }, 'rate-limit store failed: counting in process memory');
    } else {
      this.logger.info({ store: this.storeName, limiter: this.primary.keyPrefix }, 'rate-limit store recovered: counting shared again');
    }
  }
}
