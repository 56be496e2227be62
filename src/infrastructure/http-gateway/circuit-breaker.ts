import Brakes from 'brakes';
import TimeOutError from 'brakes/lib/TimeOutError.js';
import { UpstreamUnavailable } from './upstream-unavailable.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  /** A call slower than this counts as a failure and is aborted. */
  readonly timeoutMs: number;
  /** The share of failed calls in the window (0 < rate <= 1) at or above which the circuit opens. */
  readonly failureRate: number;
  /** Calls in the window before the rate is judged. */
  readonly minCalls: number;
  /** Time in the open state before one trial call is let through. */
  readonly resetMs: number;
}

export interface BreakerTransition {
  readonly upstream: string;
  readonly from: BreakerState;
  readonly to: BreakerState;
  /** The window's figures at the moment of the change. */
  readonly calls: number;
  readonly failures: number;
}

export interface CircuitBreakerOptions {
  readonly upstream: string;
  readonly settings: BreakerSettings;
  readonly onTransition: (transition: BreakerTransition) => void;
  /** The clock; brakes itself uses the global timers, so sinon's fake timers drive both. */
  readonly now?: () => number;
}

// The window: brakes keeps it as buckets; sixty of one second each.
const BUCKET_MS = 1_000;
const BUCKETS = 60;
// brakes opens when successes / calls < threshold (strictly); ours opens when
// failures / calls >= rate. A hair above 1 - rate turns one into the other.
const AT_OR_ABOVE = 1e-9;

/**
 * closed -> open -> half-open -> closed around one upstream, on brakes. brakes gives the
 * window, the failure-rate judgement, the timeout and the reset timer; it has no half-open
 * state (after circuitDuration it simply closes), so this class adds it: the end of the open
 * period lets exactly one trial through, its success closes, its failure re-opens.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private openedAt = 0;
  private trialRunning = false;
  private readonly brakes: Brakes;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    const { upstream, settings } = options;
    this.now = options.now ?? Date.now;
    this.brakes = new Brakes((task: () => Promise<unknown>) => task(), {
      name: upstream,
      isPromise: true,
      timeout: settings.timeoutMs,
      threshold: 1 - settings.failureRate + AT_OR_ABOVE,
      waitThreshold: settings.minCalls - 1,
      circuitDuration: settings.resetMs,
      bucketSpan: BUCKET_MS,
      bucketNum: BUCKETS,
      registerGlobal: false,
      modifyError: false,
    });
    // Nobody reads brakes' periodic snapshots: stop that interval at once.
    this.brakes._stats.stopSnapshots();
    this.brakes.on('circuitOpen', () => this.moveTo('open'));
    // brakes "closes" when circuitDuration ends: for us that ends the open period.
    this.brakes.on('circuitClosed', () => this.moveTo('half-open'));
  }

  get state(): BreakerState {
    return this.current;
  }

  /**
   * Runs the call unless the circuit refuses it; the signal aborts when the call times out.
   * @throws UpstreamUnavailable 'circuit-open' (nothing was called) or 'timeout'; else the task's own error
   */
  async execute<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const trial = this.admit();
    const controller = new AbortController();
    try {
      const result = (await this.brakes.exec(() => task(controller.signal))) as T;
      if (trial) this.moveTo('closed');
      return result;
    } catch (error) {
      // An abandoned call must not keep a socket or a request running.
      controller.abort();
      if (trial) this.reopen();
      throw error instanceof TimeOutError ? new UpstreamUnavailable(this.options.upstream, 'timeout') : error;
    } finally {
      if (trial) this.trialRunning = false;
    }
  }

  /** Stops brakes' window timers; brakes' destroy() only removes listeners. */
  destroy(): void {
    this.brakes._stats._stopBucketSpinning();
    this.brakes.destroy();
  }

  /** @returns whether this call is the half-open trial */
  private admit(): boolean {
    if (this.current === 'closed') return false;
    if (this.current === 'half-open' && !this.trialRunning) {
      this.trialRunning = true;
      return true;
    }
    const left = this.current === 'open' ? this.openedAt + this.options.settings.resetMs - this.now() : 0;
    throw new UpstreamUnavailable(this.options.upstream, 'circuit-open', Math.max(left, 0));
  }

  private reopen(): void {
    // brakes has no public way to open; _open() opens and starts a fresh reset period.
    if (!this.brakes.isOpen()) this.brakes._open();
  }

  private moveTo(to: BreakerState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    if (to === 'open') this.openedAt = this.now();
    const { total, failed, timedOut } = this.brakes._stats._totals;
    this.options.onTransition({ upstream: this.options.upstream, from, to, calls: total, failures: failed + timedOut });
  }
}
