import { expect } from 'chai';
import { FairQueue, QueueFull, WaitAbandoned, type FairQueueObserver } from '../../../src/infrastructure/security/fair-queue.js';
import { rejectionOf } from '../support/rejection-of.js';

/** Work that starts when the queue says so and ends when the test says so. */
class HeldWork {
  readonly started: string[] = [];
  private readonly finish = new Map<string, (value: string) => void>();
  private readonly fail = new Map<string, (error: Error) => void>();

  for(name: string): () => Promise<string> {
    return () => {
      this.started.push(name);
      return new Promise<string>((resolve, reject) => {
        this.finish.set(name, resolve);
        this.fail.set(name, reject);
      });
    };
  }

  /** Ends a running work, then lets the queue's continuations run. */
  async end(name: string, error?: Error): Promise<void> {
    if (error) this.fail.get(name)!(error);
    else this.finish.get(name)!(name);
    await settle();
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

class RecordingObserver implements FairQueueObserver {
  readonly waits: number[] = [];
  refusals = 0;
  abandons = 0;
  started(waitedMs: number): void {
    this.waits.push(waitedMs);
  }
  refused(): void {
    this.refusals += 1;
  }
  abandoned(): void {
    this.abandons += 1;
  }
}

describe('FairQueue', () => {
  let work: HeldWork;
  beforeEach(() => {
    work = new HeldWork();
  });

  it('runs at most `concurrency` works at once, and the next when one ends', async () => {
    const queue = new FairQueue({ concurrency: 2, maxWaiting: 10 });
    const results = ['a1', 'a2', 'a3'].map((name) => queue.run('a', work.for(name)));
    await settle();
    expect([work.started, queue.running, queue.waiting]).to.deep.equal([['a1', 'a2'], 2, 1]);
    await work.end('a1');
    expect(work.started).to.deep.equal(['a1', 'a2', 'a3']);
    expect(await results[0]).to.equal('a1');
  });

  it('serves waiting works round-robin between lanes, in order within a lane', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaiting: 10 });
    for (const [lane, name] of [['a', 'a1'], ['a', 'a2'], ['a', 'a3'], ['a', 'a4'], ['b', 'b1'], ['c', 'c1'], ['b', 'b2']] as const) {
      void queue.run(lane, work.for(name));
    }
    for (const name of ['a1', 'b1', 'c1', 'a2', 'b2', 'a3']) await work.end(name);
    expect(work.started).to.deep.equal(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
  });

  it('counts a work that started at once as its lane\'s turn: a newcomer waits for one work to end, not two', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaiting: 10 });
    for (const name of ['a1', 'a2', 'a3']) void queue.run('a', work.for(name));
    void queue.run('b', work.for('b1'));
    await work.end('a1');
    expect(work.started).to.deep.equal(['a1', 'b1']);
  });

  it('keeps the places past `perLane` for other lanes: a newcomer starts at once while the busy lane waits', async () => {
    const queue = new FairQueue({ concurrency: 3, perLane: 2, maxWaiting: 10 });
    for (const name of ['a1', 'a2', 'a3', 'a4']) void queue.run('a', work.for(name));
    await settle();
    expect([work.started, queue.running, queue.waiting]).to.deep.equal([['a1', 'a2'], 2, 2]);
    void queue.run('b', work.for('b1'));
    await settle();
    expect(work.started).to.deep.equal(['a1', 'a2', 'b1']);
  });

  it('starts a capped lane\'s next work when one of its own ends, not when another lane\'s does', async () => {
    const queue = new FairQueue({ concurrency: 3, perLane: 2, maxWaiting: 10 });
    for (const name of ['a1', 'a2', 'a3']) void queue.run('a', work.for(name));
    void queue.run('b', work.for('b1'));
    void queue.run('b', work.for('b2'));
    await settle();
    expect(work.started).to.deep.equal(['a1', 'a2', 'b1']);
    await work.end('b1');
    expect(work.started).to.deep.equal(['a1', 'a2', 'b1', 'b2']);
    await work.end('a1');
    expect(work.started).to.deep.equal(['a1', 'a2', 'b1', 'b2', 'a3']);
  });

  it('refuses at once, with QueueFull, a work past the queue size from the busiest lane, and never runs it', async () => {
    const observer = new RecordingObserver();
    const queue = new FairQueue({ concurrency: 1, maxWaiting: 2, observer });
    for (const name of ['a1', 'a2', 'a3']) void queue.run('a', work.for(name));
    const refused = await rejectionOf(queue.run('a', work.for('a4')));
    expect(refused).to.be.instanceOf(QueueFull);
    expect([queue.running, queue.waiting, observer.refusals]).to.deep.equal([1, 2, 1]);
    for (const name of ['a1', 'a2', 'a3']) await work.end(name);
    expect(work.started).to.deep.equal(['a1', 'a2', 'a3']);
  });

  it('makes room in a full queue for a lane with fewer waiting, shedding the busiest lane\'s newest work', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaiting: 2 });
    void queue.run('a', work.for('a1'));
    void queue.run('a', work.for('a2'));
    const shed = queue.run('a', work.for('a3'));
    void queue.run('b', work.for('b1'));
    expect(await rejectionOf(shed)).to.be.instanceOf(QueueFull);
    expect(queue.waiting).to.equal(2);
    for (const name of ['a1', 'b1']) await work.end(name);
    expect(work.started).to.deep.equal(['a1', 'b1', 'a2']);
  });

  it('refuses every waiter when the queue size is 0', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaiting: 0 });
    void queue.run('a', work.for('a1'));
    expect(await rejectionOf(queue.run('b', work.for('b1')))).to.be.instanceOf(QueueFull);
  });

  it('lets a waiter whose signal is aborted leave with WaitAbandoned: its work never runs, its place is free', async () => {
    const observer = new RecordingObserver();
    const queue = new FairQueue({ concurrency: 1, maxWaiting: 1, observer });
    void queue.run('a', work.for('a1'));
    const deadline = new AbortController();
    const waiting = queue.run('b', work.for('b1'), deadline.signal);
    deadline.abort();
    expect(await rejectionOf(waiting)).to.be.instanceOf(WaitAbandoned);
    expect([queue.waiting, observer.abandons]).to.deep.equal([0, 1]);
    void queue.run('c', work.for('c1'));
    await work.end('a1');
    expect(work.started).to.deep.equal(['a1', 'c1']);
  });

  it('does not queue a work whose signal is already aborted', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaiting: 1 });
    void queue.run('a', work.for('a1'));
    expect(await rejectionOf(queue.run('b', work.for('b1'), AbortSignal.abort()))).to.be.instanceOf(WaitAbandoned);
    expect(queue.waiting).to.equal(0);
  });

  it('frees the place of a work that fails, and passes its error on', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaiting: 1 });
    const failing = rejectionOf(queue.run('a', work.for('a1')));
    void queue.run('b', work.for('b1'));
    await settle();
    await work.end('a1', new Error('hash failed'));
    expect(((await failing) as Error).message).to.equal('hash failed');
    expect(work.started).to.deep.equal(['a1', 'b1']);
  });

  it('reports how long each work waited for its turn', async () => {
    let now = 1_000;
    const observer = new RecordingObserver();
    const queue = new FairQueue({ concurrency: 1, maxWaiting: 1, now: () => now, observer });
    void queue.run('a', work.for('a1'));
    void queue.run('b', work.for('b1'));
    now = 1_250;
    await work.end('a1');
    expect(observer.waits).to.deep.equal([0, 250]);
  });
});
