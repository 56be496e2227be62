import type { Registry } from 'prom-client';
import type { HashQueueConfig } from '../config/config.js';
import { FairQueue } from './fair-queue.js';
import { HashQueueMetrics } from './hash-queue-metrics.js';

/** The one queue every password hash waits in (HASH_CONCURRENCY, HASH_QUEUE_MAX), shown on /metrics. */
export function createHashQueue(settings: HashQueueConfig, registry: Registry): FairQueue {
  const queue: FairQueue = new FairQueue({ concurrency: settings.concurrency, perLane: settings.perAddress, maxWaiting: settings.maxWaiting, observer: new HashQueueMetrics(registry, () => queue) });
  return queue;
}
