/** The queue is at its size: the work was refused without waiting, or shed to make room. */
export class QueueFull extends Error {
  constructor() {
    super('the queue is full');
    this.name = 'QueueFull';
  }
}

/** The waiter's signal was aborted before its turn came: its work was never started. */
export class WaitAbandoned extends Error {
  constructor() {
    super('the wait was abandoned before the work started');
    this.name = 'WaitAbandoned';
  }
}

/** What the queue reports, for metrics. */
export interface FairQueueObserver {
  /** A work starts, after waiting this long (0 when a place was free). */
  started(waitedMs: number): void;
  refused(): void;
  abandoned(): void;
}

export interface FairQueueSettings {
  /** Works running at once. */
  readonly concurrency: number;
  /** Works waiting, all lanes together; past it a newcomer is refused. */
  readonly maxWaiting: number;
  /** Milliseconds, for the wait times reported; performance.now by default. */
  readonly now?: () => number;
  readonly observer?: FairQueueObserver;
}

interface Waiter {
  readonly lane: string;
  readonly since: number;
  start(): void;
  refuse(error: Error): void;
}

/**
 * Runs at most `concurrency` works at once; the others wait in one FIFO lane per key and
 * are served round-robin between lanes, so that a key with many waiting works delays
 * another key's by at most one turn. At most `maxWaiting` wait in all: past it, the
 * busiest lane's newest waiter is shed to make room for a lane with fewer (longest queue
 * drop, as fair queueing routers do), else the newcomer is refused at once.
 */
export class FairQueue {
  /** Insertion order is the rotation: a lane served moves to the back. */
  private readonly lanes = new Map<string, Waiter[]>();
  private active = 0;
  private queued = 0;
  private readonly now: () => number;

  constructor(private readonly settings: FairQueueSettings) {
    this.now = settings.now ?? (() => performance.now());
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queued;
  }

  /**
   * @throws QueueFull when there is no place to wait, or the place was given to another lane
   * @throws WaitAbandoned when `signal` aborts before the work's turn
   */
  async run<T>(lane: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new WaitAbandoned();
    if (this.active < this.settings.concurrency) {
      this.active += 1;
      this.settings.observer?.started(0);
    } else {
      await this.wait(lane, signal); // next() takes the place for it, before it resumes
    }
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.next();
    }
  }

  private wait(lane: string, signal: AbortSignal | undefined): Promise<void> {
    if (!this.makeRoomFor(lane)) {
      this.settings.observer?.refused();
      return Promise.reject(new QueueFull());
    }
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        this.remove(waiter);
        this.settings.observer?.abandoned();
        reject(new WaitAbandoned());
      };
      const waiter: Waiter = {
        lane,
        since: this.now(),
        start: () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        },
        refuse: (error) => {
          signal?.removeEventListener('abort', leave);
          reject(error);
        },
      };
      signal?.addEventListener('abort', leave, { once: true });
      const waiters = this.lanes.get(lane);
      if (waiters) waiters.push(waiter);
      else this.lanes.set(lane, [waiter]);
      this.queued += 1;
    });
  }

  /** True when a place is free, or was freed by shedding the busiest lane's newest waiter. */
  private makeRoomFor(lane: string): boolean {
    if (this.queued < this.settings.maxWaiting) return true;
    let busiest: Waiter[] | undefined;
    for (const waiters of this.lanes.values()) if (!busiest || waiters.length > busiest.length) busiest = waiters;
    // Shed only when it evens the lanes out; on a tie the newcomer is the one refused.
    if (!busiest || (this.lanes.get(lane)?.length ?? 0) + 1 >= busiest.length) return false;
    const shed = busiest[busiest.length - 1]!;
    this.remove(shed);
    this.settings.observer?.refused();
    shed.refuse(new QueueFull());
    return true;
  }

  private next(): void {
    const first = this.lanes.entries().next();
    if (first.done || this.active >= this.settings.concurrency) return;
    const [lane, waiters] = first.value;
    const waiter = waiters.shift()!;
    this.lanes.delete(lane);
    if (waiters.length > 0) this.lanes.set(lane, waiters);
    this.queued -= 1;
    this.active += 1;
    this.settings.observer?.started(this.now() - waiter.since);
    waiter.start();
  }

  private remove(waiter: Waiter): void {
    const waiters = this.lanes.get(waiter.lane)!;
    waiters.splice(waiters.indexOf(waiter), 1);
    if (waiters.length === 0) this.lanes.delete(waiter.lane);
    this.queued -= 1;
  }
}
