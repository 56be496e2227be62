import { expect } from 'chai';
import cluster from 'node:cluster';
import { startClusterPrimaryLimiters } from '../../../src/infrastructure/throttling/cluster-primary-limiters.js';

const CHANNEL = 'rate_limiter_flexible';

/** A worker as the primary sees it: what the master sends it is kept, in order. */
function fakeWorker() {
  const received: Array<{ promiseId?: number; type: string; data: unknown }> = [];
  return { received, send: (message: { promiseId?: number; type: string; data: unknown }) => received.push(message) };
}

/** What a worker's RateLimiterCluster sends, and the answer the primary sent back to it. */
async function ask(worker: ReturnType<typeof fakeWorker>, keyPrefix: string, func: string, key: string, promiseId: number) {
  cluster.emit('message', worker, { channel: CHANNEL, keyPrefix, func, promiseId, data: { key, arg: 1, opts: {} } });
  for (let i = 0; i < 10 && !worker.received.some((m) => m.promiseId === promiseId); i++) await new Promise((resolve) => setImmediate(resolve));
  const answer = worker.received.find((m) => m.promiseId === promiseId);
  return answer?.type === 'reject' ? 'refused' : (answer?.data as { consumedPoints: number } | undefined)?.consumedPoints;
}

describe('the cluster primary’s limiters (npm run start:cluster)', () => {
  it('counts as one process does: a reward of nothing counted banks no point for the next attempts', async () => {
    startClusterPrimaryLimiters();
    const worker = fakeWorker();
    const keyPrefix = `primary_${process.pid}`;
    cluster.emit('message', worker, { channel: CHANNEL, type: 'init', opts: { keyPrefix, points: 2, duration: 60 } });
    expect(worker.received.map((m) => m.type), 'the primary answers the worker’s init').to.deep.equal(['init']);
    await ask(worker, keyPrefix, 'reward', 'address', 1);
    const outcomes = [await ask(worker, keyPrefix, 'consume', 'address', 2), await ask(worker, keyPrefix, 'consume', 'address', 3), await ask(worker, keyPrefix, 'consume', 'address', 4)];
    expect(outcomes).to.deep.equal([1, 2, 'refused']);
  });
});
