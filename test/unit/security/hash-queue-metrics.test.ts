import { expect } from 'chai';
import { Registry } from 'prom-client';
import { HashQueueMetrics } from '../../../src/infrastructure/security/hash-queue-metrics.js';

const samples = (text: string, name: string): string[] => text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

describe('HashQueueMetrics', () => {
  let registry: Registry;
  beforeEach(() => {
    registry = new Registry();
  });

  it('shows the queue as it is at the scrape: waiting and running hashes', async () => {
    new HashQueueMetrics(registry, () => ({ waiting: 3, running: 4 }));
    const text = await registry.metrics();
    expect([...samples(text, 'auth_hash_queue_depth'), ...samples(text, 'auth_hash_queue_running')]).to.deep.equal([
      'auth_hash_queue_depth 3',
      'auth_hash_queue_running 4',
    ]);
  });

  it('counts refusals and abandoned waits from 0, and observes wait times in seconds', async () => {
    const metrics = new HashQueueMetrics(registry, () => ({ waiting: 0, running: 0 }));
    expect(samples(await registry.metrics(), 'auth_hash_queue_rejected_total')).to.deep.equal(['auth_hash_queue_rejected_total 0']);
    metrics.refused();
    metrics.abandoned();
    metrics.started(250);
    const text = await registry.metrics();
    expect([...samples(text, 'auth_hash_queue_rejected_total'), ...samples(text, 'auth_hash_queue_abandoned_total')]).to.deep.equal([
      'auth_hash_queue_rejected_total 1',
      'auth_hash_queue_abandoned_total 1',
    ]);
    expect(samples(text, 'auth_hash_queue_wait_seconds_sum')).to.deep.equal(['auth_hash_queue_wait_seconds_sum 0.25']);
  });
});
