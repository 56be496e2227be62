import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { FairQueueObserver } from './fair-queue.js';

export interface QueueLoad {
  readonly waiting: number;
  readonly running: number;
}

/**
 * The password-hash queue on /metrics: waiting and running hashes read at each scrape, how
 * long hashes waited for a thread, and how many were refused (503) or left unhashed because
 * their request had already timed out.
 */
export class HashQueueMetrics implements FairQueueObserver {
  private readonly waits: Histogram;
  private readonly refusals: Counter;
  private readonly abandons: Counter;

  /** `load` is read at each scrape (the queue itself, built with this as its observer). */
  constructor(registry: Registry, load: () => QueueLoad) {
    const registers = [registry];
    new Gauge({ name: 'auth_hash_queue_depth', help: 'Password hashes waiting for their turn.', registers, collect() { this.set(load().waiting); } });
    new Gauge({ name: 'auth_hash_queue_running', help: 'Password hashes being computed now.', registers, collect() { this.set(load().running); } });
    this.waits = new Histogram({
      name: 'auth_hash_queue_wait_seconds',
      help: 'Time a password hash waited in the queue before it was computed.',
      buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.refusals = new Counter({ name: 'auth_hash_queue_rejected_total', help: 'Password hashes refused (503) because the queue was full.', registers });
    this.abandons = new Counter({ name: 'auth_hash_queue_abandoned_total', help: 'Waiting password hashes dropped because their request had timed out.', registers });
  }

  started(waitedMs: number): void {
    this.waits.observe(waitedMs / 1000);
  }

  refused(): void {
    this.refusals.inc();
  }

  abandoned(): void {
    this.abandons.inc();
  }
}
