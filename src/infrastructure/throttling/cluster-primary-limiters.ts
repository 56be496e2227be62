import cluster, { type Worker } from 'node:cluster';
import { RateLimiterClusterMaster, type IRateLimiterOptions } from 'rate-limiter-flexible';
import { WindowedMemoryLimiter } from './window-counts.js';

// rate-limiter-flexible's channel between RateLimiterCluster (a worker) and its master.
const CHANNEL = 'rate_limiter_flexible';

interface InitMessage {
  readonly channel: string;
  readonly type: string;
  readonly opts: IRateLimiterOptions & { readonly keyPrefix: string };
}

const isInit = (message: unknown): message is InitMessage =>
  typeof message === 'object' && message !== null && (message as InitMessage).channel === CHANNEL && (message as InitMessage).type === 'init';

/**
 * The counts of every worker of `npm run start:cluster`, in the primary (RateLimiterClusterMaster),
 * kept as one process keeps them (WindowCounts: nothing at zero, no timer a key). The master
 * makes a limiter for a key prefix at a worker's first 'init' unless it holds one already: this
 * listener, registered ahead of the master's own, gives it ours first (rate-limiter-flexible 11
 * keeps them in `_rateLimiters`; the unit test holds the two together).
 */
export function startClusterPrimaryLimiters(): void {
  let limiters: Record<string, unknown> | undefined;
  cluster.on('message', (_worker: Worker, message: unknown) => {
    if (limiters && isInit(message)) limiters[message.opts.keyPrefix] ??= new WindowedMemoryLimiter(message.opts);
  });
  limiters = (new RateLimiterClusterMaster() as unknown as { _rateLimiters: Record<string, unknown> })._rateLimiters;
}
