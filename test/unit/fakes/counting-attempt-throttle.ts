import type { AttemptThrottle } from '../../../src/application/ports/attempt-throttle.js';
import { AccountCeilingReached, TooManyAttempts } from '../../../src/domain/errors.js';

export interface ThrottleCall {
  readonly method: keyof AttemptThrottle;
  readonly key: string | null;
  readonly ip: string | null;
}

export interface CountingAttemptThrottleOptions {
  /** Attempts allowed per counter; the next one is refused. */
  readonly limit?: number;
  /** Login attempts allowed per account from all addresses (the ceiling); unlimited by default. */
  readonly accountLimit?: number;
  readonly retryAfterSeconds?: number;
  /** Second-factor codes allowed per account (MFA_MAX_FAILURES); unlimited by default. */
  readonly secondFactorLimit?: number;
}

/**
 * Counts attempts per method, key and address, as the real throttle does, and refuses with
 * TooManyAttempts once a counter passes the limit. A success starts the account's count over.
 * Login attempts are also counted per account from every address: the one that passes
 * `accountLimit` is refused with AccountCeilingReached, later ones with TooManyAttempts; a
 * success gives its point back and a password reset clears the count. Second-factor codes are
 * counted per account alike, past `secondFactorLimit`, and a right one gives its point back. Counting does not
 * yield, so parallel calls are judged one at a time, as the store's atomic count judges them.
 * Every call is recorded, refused or not.
 */
export class CountingAttemptThrottle implements AttemptThrottle {
  readonly calls: ThrottleCall[] = [];
  private readonly counts = new Map<string, number>();
  private readonly accountCounts = new Map<string, number>();
  private readonly limit: number;
  private readonly accountLimit: number;
  private readonly retryAfterSeconds: number;
  private readonly secondFactorLimit: number;
  private readonly secondFactorCounts = new Map<string, number>();

  constructor(options: CountingAttemptThrottleOptions = {}) {
    this.limit = options.limit ?? Number.POSITIVE_INFINITY;
    this.accountLimit = options.accountLimit ?? Number.POSITIVE_INFINITY;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 60;
    this.secondFactorLimit = options.secondFactorLimit ?? Number.POSITIVE_INFINITY;
  }

  async beforeLogin(accountKey: string, ip: string | null): Promise<void> {
    this.count('beforeLogin', accountKey, ip);
    const attempts = (this.accountCounts.get(accountKey) ?? 0) + 1;
    this.accountCounts.set(accountKey, attempts);
    if (attempts === this.accountLimit + 1) throw new AccountCeilingReached(this.retryAfterSeconds);
    if (attempts > this.accountLimit) throw new TooManyAttempts(this.retryAfterSeconds);
  }

  async loginSucceeded(accountKey: string, ip: string | null): Promise<void> {
    this.calls.push({ method: 'loginSucceeded', key: accountKey, ip });
    this.counts.delete(counter('beforeLogin', accountKey, ip));
    this.accountCounts.set(accountKey, (this.accountCounts.get(accountKey) ?? 1) - 1);
  }

  async loginNotJudged(accountKey: string, ip: string | null): Promise<void> {
    this.calls.push({ method: 'loginNotJudged', key: accountKey, ip });
    const key = counter('beforeLogin', accountKey, ip);
    this.counts.set(key, (this.counts.get(key) ?? 1) - 1);
    this.accountCounts.set(accountKey, (this.accountCounts.get(accountKey) ?? 1) - 1);
  }

  async passwordWasReset(accountKey: string): Promise<void> {
    this.calls.push({ method: 'passwordWasReset', key: accountKey, ip: null });
    this.accountCounts.delete(accountKey);
  }

  async beforeSecondFactor(accountKey: string): Promise<void> {
    this.calls.push({ method: 'beforeSecondFactor', key: accountKey, ip: null });
    const attempts = (this.secondFactorCounts.get(accountKey) ?? 0) + 1;
    this.secondFactorCounts.set(accountKey, attempts);
    if (attempts > this.secondFactorLimit) throw new TooManyAttempts(this.retryAfterSeconds);
  }

  async secondFactorSucceeded(accountKey: string): Promise<void> {
    this.calls.push({ method: 'secondFactorSucceeded', key: accountKey, ip: null });
    this.secondFactorCounts.set(accountKey, (this.secondFactorCounts.get(accountKey) ?? 1) - 1);
  }

  async beforeRegistration(ip: string | null): Promise<void> {
    this.count('beforeRegistration', null, ip);
  }

  async beforeRecoveryMail(emailKey: string, ip: string | null): Promise<void> {
    this.count('beforeRecoveryMail', emailKey, ip);
  }

  async beforePasskeyOptions(ip: string | null): Promise<void> {
    this.count('beforePasskeyOptions', null, ip);
  }

  async beforePasskeyLogin(ip: string | null): Promise<void> {
    this.count('beforePasskeyLogin', null, ip);
  }

  async passkeyLoginSucceeded(ip: string | null): Promise<void> {
    this.calls.push({ method: 'passkeyLoginSucceeded', key: null, ip });
    const name = counter('beforePasskeyLogin', null, ip);
    this.counts.set(name, (this.counts.get(name) ?? 1) - 1);
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
