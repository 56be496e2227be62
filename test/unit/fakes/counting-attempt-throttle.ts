import type { AttemptThrottle } from '../../../src/application/ports/attempt-throttle.js';
import { TooManyAttempts } from '../../../src/domain/errors.js';

export interface ThrottleCall {
  readonly method: keyof AttemptThrottle;
  readonly key: string | null;
  readonly ip: string | null;
}

export interface CountingAttemptThrottleOptions {
  /** Attempts allowed per counter; the next one is refused. */
  readonly limit?: number;
  readonly retryAfterSeconds?: number;
}

/**
 * Counts attempts per method, key and address, as the real throttle does, and refuses with
 * TooManyAttempts once a counter passes the limit. A success starts the account's count over.
 * Every call is recorded, refused or not.
 */
export class CountingAttemptThrottle implements AttemptThrottle {
  readonly calls: ThrottleCall[] = [];
  private readonly counts = new Map<string, number>();
  private readonly limit: number;
  private readonly retryAfterSeconds: number;

  constructor(options: CountingAttemptThrottleOptions = {}) {
    this.limit = options.limit ?? Number.POSITIVE_INFINITY;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 60;
  }

  async beforeLogin(accountKey: string, ip: string | null): Promise<void> {
    this.count('beforeLogin', accountKey, ip);
  }

  async loginSucceeded(accountKey: string, ip: string | null): Promise<void> {
    this.calls.push({ method: 'loginSucceeded', key: accountKey, ip });
    this.counts.delete(counter('beforeLogin', accountKey, ip));
  }

  async beforeRegistration(ip: string | null): Promise<void> {
    this.count('beforeRegistration', null, ip);
  }

  async beforeRecoveryMail(emailKey: string, ip: string | null): Promise<void> {
    this.count('beforeRecoveryMail', emailKey, ip);
  }

  /** The recorded calls of one method. */
  callsOf(method: keyof AttemptThrottle): ThrottleCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  private count(method: keyof AttemptThrottle, key: string | null, ip: string | null): void {
    this.calls.push({ method, key, ip });
    const name = counter(method, key, ip);
    const attempts = (this.counts.get(name) ?? 0) + 1;
    this.counts.set(name, attempts);
    if (attempts > this.limit) throw new TooManyAttempts(this.retryAfterSeconds);
  }
}

const counter = (method: string, key: string | null, ip: string | null) => JSON.stringify([method, key, ip]);
