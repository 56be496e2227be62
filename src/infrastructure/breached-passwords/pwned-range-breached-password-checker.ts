import { createHash } from 'node:crypto';
import type { BreachedPasswordChecker } from '../../application/ports/breached-password-checker.js';
import { DependencyUnavailable } from '../../domain/errors.js';
import type { OutboundHttp } from '../http-gateway/outbound-request.js';
import { UpstreamUnavailable } from '../http-gateway/upstream-unavailable.js';
import type { Logger } from '../logging/create-logger.js';
import { rangeListsSuffix } from './range-lists-suffix.js';

/** The upstream's name in the gateway, logs, metrics and 503 problems. */
export const BREACHED_PASSWORD_UPSTREAM = 'breached-password-api';

export interface PwnedRangeOptions {
  /** e.g. https://api.pwnedpasswords.com (no trailing slash) */
  readonly baseUrl: string;
  /** Accept the password, unchecked, when the range API cannot answer; else refuse with 503. */
  readonly failOpen: boolean;
  readonly gateway: OutboundHttp;
  readonly logger: Logger;
}

/**
 * A Pwned-Passwords-style range API (k-anonymity): only the first 5 hex characters of the
 * password's SHA-1 leave the service; the answer lists the suffixes that share them.
 * `Add-Padding` makes every answer a similar size, so the traffic does not tell the prefix.
 */
export class PwnedRangeBreachedPasswordChecker implements BreachedPasswordChecker {
  constructor(private readonly options: PwnedRangeOptions) {}

  async isBreached(normalizedPassword: string): Promise<boolean> {
    const digest = createHash('sha1').update(normalizedPassword, 'utf8').digest('hex').toUpperCase();
    let body: string;
    try {
      const response = await this.options.gateway.request(BREACHED_PASSWORD_UPSTREAM, {
        url: `${this.options.baseUrl}/range/${digest.slice(0, 5)}`,
        method: 'GET',
        headers: { 'Add-Padding': 'true', Accept: 'text/plain' },
      });
      if (response.status !== 200) return this.unavailable(`status ${response.status}`, null);
      body = response.body;
    } catch (error) {
      if (!(error instanceof UpstreamUnavailable)) throw error;
      return this.unavailable(error.reason, error.retryAfterMs);
    }
    return rangeListsSuffix(body, digest.slice(5)) ?? this.unavailable('not a range answer', null);
  }

  private unavailable(reason: string, retryAfterMs: number | null): false {
    if (!this.options.failOpen) {
      throw new DependencyUnavailable(BREACHED_PASSWORD_UPSTREAM, retryAfterMs === null ? undefined : Math.max(1, Math.ceil(retryAfterMs / 1000)));
    }
    // Neither the password nor any part of its hash is logged.
    this.options.logger.warn({ upstream: BREACHED_PASSWORD_UPSTREAM, reason }, 'breached-password check skipped: password accepted unchecked (BREACHED_PASSWORD_FAIL_OPEN)');
    return false;
  }
}
