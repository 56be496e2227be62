import type { Redis } from 'ioredis';
import { RateLimiterCluster, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config/config.js';
import type { Logger } from '../logging/create-logger.js';
import type { LimiterOptions } from '../persistence/dialects/dialect.js';
import { FallbackLimiter } from './fallback-limiter.js';
import type { ThrottleLimiters } from './rate-limiter-attempt-throttle.js';
import { WindowedMemoryLimiter } from './window-counts.js';

export type LimiterStore =
  | { readonly kind: 'redis'; readonly client: Redis }
  // A database server's table (its dialect's limiter), named for the database (mysql, postgres).
  | { readonly kind: 'database'; readonly name: string; readonly limiter: (options: LimiterOptions) => RateLimiterAbstract }
  // A worker of src/cluster.ts: the counts live in the primary's memory, shared by every worker.
  | { readonly kind: 'cluster' }
  | { readonly kind: 'memory' };

interface LimitSpec {
  readonly keyPrefix: string;
  readonly points: number;
  readonly durationMs: number;
}

/**
 * The limiters, on the store the contract picks (REDIS_URL): Redis when set, else the
 * database server (so a fleet on one database shares counts with nothing more to run), else
 * process memory (the embedded SQLite default runs as one process).
 */
export function createThrottleLimiters(store: LimiterStore, settings: Pick<Config, 'throttle' | 'mail' | 'mfa'>, logger: Logger): ThrottleLimiters {
  const config = settings.throttle;
  const recovery = { durationMs: config.registerWindowMs };
  const make = (spec: LimitSpec) => new FallbackLimiter(onStore(store, spec), store.kind === 'database' ? store.name : store.kind, logger);
  return {
    loginPerAccount: make({ keyPrefix: 'login_account', points: config.loginMaxFailures, durationMs: config.loginFailureWindowMs }),
    loginPerAddress: make({ keyPrefix: 'login_address', points: config.loginMaxFailuresPerAddress, durationMs: config.loginFailureWindowMs }),
    loginCeilingPerAccount: make({ keyPrefix: 'login_ceiling', points: config.loginMaxFailuresPerAccount, durationMs: config.loginFailureWindowMs }),
    secondFactorPerAccount: make({ keyPrefix: 'mfa_account', points: settings.mfa.maxFailures, durationMs: config.loginFailureWindowMs }),
    registrationPerAddress: make({ keyPrefix: 'register_address', points: config.registerMaxPerAddress, durationMs: config.registerWindowMs }),
    recoveryPerAddress: make({ keyPrefix: 'recovery_address', points: settings.mail.recoveryMaxPerAddress, ...recovery }),
    recoveryPerEmail: make({ keyPrefix: 'recovery_email', points: settings.mail.recoveryMaxPerEmail, ...recovery }),
    // Options a passkey login did not follow (a success gives its point back): twice the address's
    // failed-login budget, for the ceremonies cancelled in the browser, which cost no login.
    passkeyOptionsPerAddress: make({ keyPrefix: 'passkey_options_address', points: 2 * config.loginMaxFailuresPerAddress, durationMs: config.loginFailureWindowMs }),
  };
}

function onStore(store: LimiterStore, spec: LimitSpec): RateLimiterAbstract {
  const options = { keyPrefix: spec.keyPrefix, points: spec.points, duration: Math.ceil(spec.durationMs / 1000) };
  switch (store.kind) {
    case 'redis':
      return new RateLimiterRedis({ ...options, storeClient: store.client });
    case 'database':
      return store.limiter(options);
    case 'cluster':
      // A primary that does not answer within 1 s counts as a failed store: memory takes over.
      return new RateLimiterCluster({ ...options, timeoutMs: 1_000 });
    case 'memory':
      return new WindowedMemoryLimiter(options);
  }
}
