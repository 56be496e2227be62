import { createHash } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { AttemptThrottle } from '../../application/ports/attempt-throttle.js';
import { addressGroup } from '../../domain/client-address.js';
import { AccountCeilingReached, TooManyAttempts } from '../../domain/errors.js';
import type { FallbackLimiter, LimiterHealth } from './fallback-limiter.js';

export interface ThrottleLimiters {
  /** Consecutive failures of one e-mail from one address. */
  readonly loginPerAccount: FallbackLimiter;
  /** Failures from one address, any e-mail: a looser limit against spraying many accounts. */
  readonly loginPerAddress: FallbackLimiter;
  /** Failures of one e-mail from every address: the ceiling a guesser with many addresses meets. */
  readonly loginCeilingPerAccount: FallbackLimiter;
  /** Second-factor codes of one account from every address (MFA_MAX_FAILURES). */
  readonly secondFactorPerAccount: FallbackLimiter;
  readonly registrationPerAddress: FallbackLimiter;
  /** Reset and verification mails (RECOVERY_MAX_PER_*, per REGISTER_WINDOW). */
  readonly recoveryPerAddress: FallbackLimiter;
  readonly recoveryPerEmail: FallbackLimiter;
  /** Passkey login options from one address (each stores a challenge). */
  readonly passkeyOptionsPerAddress: FallbackLimiter;
}

// Keys name no e-mail in the store: a hash is enough to count by. Strings only, so every
// store (memory, MySQL table, Redis, the cluster's primary) takes them alike.
const key = (...parts: Array<string | null>) =>
  createHash('sha256').update(parts.map((part) => part ?? 'unknown').join('\n')).digest('base64url');
// One host usually holds a whole IPv6 /64: counted per address, it would have 2^64 of them.
const group = (ip: string | null) => (ip === null ? null : addressGroup(ip));

export class RateLimiterAttemptThrottle implements AttemptThrottle {
  constructor(private readonly limiters: ThrottleLimiters) {}

  async beforeLogin(accountKey: string, ip: string | null): Promise<void> {
    await consume(this.limiters.loginPerAddress, key(group(ip)));
    await consume(this.limiters.loginPerAccount, key(accountKey, group(ip)));
    // Last: an attempt another limit refused was never judged, so it does not bring the
    // owner nearer to a lock-out.
    await consume(this.limiters.loginCeilingPerAccount, key(accountKey), true);
  }

  async loginSucceeded(accountKey: string, ip: string | null): Promise<void> {
    await this.limiters.loginPerAccount.delete(key(accountKey, group(ip)));
    // These limits count failures: give back the point this success took.
    await this.limiters.loginPerAddress.reward(key(group(ip)));
    await this.limiters.loginCeilingPerAccount.reward(key(accountKey));
  }

  async loginNotJudged(accountKey: string, ip: string | null): Promise<void> {
    await this.limiters.loginPerAddress.reward(key(group(ip)));
    await this.limiters.loginPerAccount.reward(key(accountKey, group(ip)));
    await this.limiters.loginCeilingPerAccount.reward(key(accountKey));
  }

  async passwordWasReset(accountKey: string): Promise<void> {
    await this.limiters.loginCeilingPerAccount.delete(key(accountKey));
  }

  async beforeSecondFactor(accountKey: string): Promise<void> {
    await consume(this.limiters.secondFactorPerAccount, key(accountKey));
  }

  async secondFactorSucceeded(accountKey: string): Promise<void> {
    await this.limiters.secondFactorPerAccount.reward(key(accountKey));
  }

  async beforeRegistration(ip: string | null): Promise<void> {
    await consume(this.limiters.registrationPerAddress, key(group(ip)));
  }

  async beforeRecoveryMail(emailKey: string, ip: string | null): Promise<void> {
    await consume(this.limiters.recoveryPerAddress, key(group(ip)));
    await consume(this.limiters.recoveryPerEmail, key(emailKey));
  }

  async beforePasskeyOptions(ip: string | null): Promise<void> {
    await consume(this.limiters.passkeyOptionsPerAddress, key(group(ip)));
  }

  // The address's failed-login count: a passkey guesser spends the same budget as a password one.
  async beforePasskeyLogin(ip: string | null): Promise<void> {
    await consume(this.limiters.loginPerAddress, key(group(ip)));
  }

  async passkeyLoginSucceeded(ip: string | null): Promise<void> {
    await this.limiters.loginPerAddress.reward(key(group(ip)));
    await this.limiters.passkeyOptionsPerAddress.reward(key(group(ip)));
  }

  health(): LimiterHealth[] {
    return Object.values(this.limiters).map((limiter: FallbackLimiter) => limiter.health());
  }
}

/** @param ceiling refuse the attempt that crosses the limit with AccountCeilingReached */
async function consume(limiter: FallbackLimiter, limiterKey: string, ceiling = false): Promise<void> {
  try {
    await limiter.consume(limiterKey);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    // The store counts atomically, so exactly one attempt sees the count one past the limit.
    if (ceiling && error.consumedPoints === limiter.points + 1) throw new AccountCeilingReached(retryAfterSeconds);
    throw new TooManyAttempts(retryAfterSeconds);
  }
}
