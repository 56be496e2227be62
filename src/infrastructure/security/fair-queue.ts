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
  /**
   * Works of one lane running at once (`concurrency` when unset). Below `concurrency`, the
   * places past it stay free for other lanes even while this one waits: a newcomer then
   * starts at once instead of waiting for a running work to end.
   */
  readonly perLane?: number;
  /** Works waiting, all lanes together; past it a newcomer is refused. */
  readonly maxWaiting: number;
  /** Milliseconds, for the wait times reported; performance.now by default. */
  readonly now?: () => number;
  readonly observer?: FairQueueObserver;
}

interface Waiter {
  readonly lane: string;
  /** Its place in the fair order (start-time fair queueing, every work costing one). */
  readonly tag: number;
  /** Arrival order, for waiters of equal tag. */
  readonly arrival: number;
  readonly since: number;
  start(): void;
  refuse(error: Error): void;
}

/** A key with work running or waiting; forgotten once it has neither. */
interface Lane {
  readonly waiters: Waiter[];
  running: number;
  /** The tag of its work started last. */
  startedTag: number;
}

/**
 * Runs at most `concurrency` works at once, at most `perLane` of one key; the others wait in
 * one FIFO lane per key, and lanes take turns (start-time fair queueing, Goyal et al. 1996,
 * every work costing one):
 * each work is tagged one turn after its lane's previous one, and never before the turn
 * now being served, and the lowest tag starts next. A key with many waiting works thus
 * delays a newcomer's by one turn at most, and an idle key earns no credit for later. At
 * most `maxWaiting` wait in all: past it, the busiest lane's newest waiter is shed to make
 * room for a lane with fewer (longest queue drop, as fair routers do), else the newcomer
 * is refused at once.
 */
export class FairQueue {
  private readonly lanes = new Map<string, Lane>();
  private active = 0;
  private queued = 0;
  private arrivals = 0;
  /** The tag of the work started last. */
  private turn = 0;
  private readonly now: () => number;
  private readonly perLane: number;

  constructor(private readonly settings: FairQueueSettings) {
    this.now = settings.now ?? (() => performance.now());
    this.perLane = Math.min(settings.perLane ?? settings.concurrency, settings.concurrency);
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
  async run<T>(key: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new WaitAbandoned();
    const lane = this.laneOf(key);
    if (this.active < this.settings.concurrency && lane.running < this.perLane && lane.waiters.length === 0) {
      this.turn = this.nextTag(lane);
      lane.startedTag = this.turn;
      this.active += 1;
      lane.running += 1;
      this.settings.observer?.started(0);
    } else {
      await this.wait(key, lane, signal); // next() takes the place for it, before it resumes
    }
    try {
      return await work();
    } finally {
      this.active -= 1;
      lane.running -= 1;
      this.forgetIfIdle(key, lane);
      this.next();
    }
  }

  private wait(key: string, lane: Lane, signal: AbortSignal | undefined): Promise<void> {
    if (!this.makeRoomFor(lane)) {
      this.settings.observer?.refused();
      this.forgetIfIdle(key, lane);
      return Promise.reject(new QueueFull());
    }
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        this.remove(waiter);
        this.settings.observer?.abandoned();
        reject(new WaitAbandoned());
      };
      const waiter: Waiter = {
        lane: key,
        tag: this.nextTag(lane),
        arrival: this.arrivals++,
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
      lane.waiters.push(waiter);
      this.queued += 1;
    });
  }

  private laneOf(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { waiters: [], running: 0, startedTag: -Infinity };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /** A turn after the lane's latest work, waiting or started; never before the current turn. */
  private nextTag(lane: Lane): number {
    return Math.max(this.turn, (lane.waiters.at(-1)?.tag ?? lane.startedTag) + 1);
  }

  /** True when a place is free, or was freed by shedding the busiest lane's newest waiter. */
  private makeRoomFor(lane: Lane): boolean {
    if (this.queued < this.settings.maxWaiting) return true;
    let busiest: Lane | undefined;
    for (const other of this.lanes.values()) if (!busiest || other.waiters.length > busiest.waiters.length) busiest = other;
    // Shed only when it evens the lanes out; on a tie the newcomer is the one refused.
    if (!busiest || lane.waiters.length + 1 >= busiest.waiters.length) return false;
    const shed = busiest.waiters[busiest.waiters.length - 1]!;
    this.remove(shed);
    this.settings.observer?.refused();
    shed.refuse(new QueueFull());
    return true;
  }

  private next(): void {
    if (this.active >= this.settings.concurrency) return;
    let first: Waiter | undefined;
    for (const lane of this.lanes.values()) {
      const head = lane.running < this.perLane ? lane.waiters[0] : undefined;
      if (head && (!first || head.tag < first.tag || (head.tag === first.tag && head.arrival < first.arrival))) first = head;
    }
    if (!first) return;
    const lane = this.lanes.get(first.lane)!;
    lane.waiters.shift();
    lane.running += 1;
    lane.startedTag = first.tag;
    this.queued -= 1;
    this.active += 1;
    this.turn = first.tag;
    this.settings.observer?.started(this.now() - first.since);
    first.start();
  }

  private remove(waiter: Waiter): void {
    const lane = this.lanes.get(waiter.lane)!;
    lane.waiters.splice(lane.waiters.indexOf(waiter), 1);
    this.queued -= 1;
    this.forgetIfIdle(waiter.lane, lane);
  }

  private forgetIfIdle(key: string, lane: Lane): void {
    if (lane.running === 0 && lane.waiters.length === 0) this.lanes.delete(key);
  }
}
