import { createHash } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { AttemptThrottle } from '../../application/ports/attempt-throttle.js';
import { TooManyAttempts } from '../../domain/errors.js';
import type { FallbackLimiter, LimiterHealth } from './fallback-limiter.js';

export interface ThrottleLimiters {
  /** Consecutive failures of one e-mail from one address. */
  readonly loginPerAccount: FallbackLimiter;
  /** Failures from one address, any e-mail: a looser limit against spraying many accounts. */
  readonly loginPerAddress: FallbackLimiter;
  readonly registrationPerAddress: FallbackLimiter;
  /** Reset and verification mails (RECOVERY_MAX_PER_*, per REGISTER_WINDOW). */
  readonly recoveryPerAddress: FallbackLimiter;
  readonly recoveryPerEmail: FallbackLimiter;
}

// Keys name no e-mail in the store: a hash is enough to count by.
const key = (...parts: Array<string | null>) =>
  createHash('sha256').update(parts.map((part) => part ?? 'unknown').join('\n')).digest('base64url');

export class RateLimiterAttemptThrottle implements AttemptThrottle {
  constructor(private readonly limiters: ThrottleLimiters) {}

  async beforeLogin(accountKey: string, ip: string | null): Promise<void> {
    await consume(this.limiters.loginPerAddress, key(ip));
    await consume(this.limiters.loginPerAccount, key(accountKey, ip));
  }

  async loginSucceeded(accountKey: string, ip: string | null): Promise<void> {
    await this.limiters.loginPerAccount.delete(key(accountKey, ip));
    // The address limit counts failures: give back the point this success took.
    await this.limiters.loginPerAddress.reward(key(ip));
  }

  async beforeRegistration(ip: string | null): Promise<void> {
    await consume(this.limiters.registrationPerAddress, key(ip));
  }

  async beforeRecoveryMail(emailKey: string, ip: string | null): Promise<void> {
    await consume(this.limiters.recoveryPerAddress, key(ip));
    await consume(this.limiters.recoveryPerEmail, key(emailKey));
  }

  health(): LimiterHealth[] {
    return Object.values(this.limiters).map((limiter: FallbackLimiter) => limiter.health());
  }
}

async function consume(limiter: FallbackLimiter, limiterKey: string): Promise<void> {
  try {
    await limiter.consume(limiterKey);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new TooManyAttempts(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
}
