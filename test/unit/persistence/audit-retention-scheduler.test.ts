import { expect } from 'chai';
import type { PruneAuditEvents } from '../../../src/application/use-cases/prune-audit-events.js';
import { AuditRetentionScheduler } from '../../../src/infrastructure/persistence/audit-retention-scheduler.js';
import type { Logger } from '../../../src/infrastructure/logging/create-logger.js';

/** A prune round that waits until the test lets it finish. */
function heldPrune() {
  let rounds = 0;
  let finish: (deleted: number) => void = () => undefined;
  const prune = {
    execute: () => {
      rounds += 1;
      return new Promise<number>((resolve) => (finish = resolve));
    },
  } as unknown as PruneAuditEvents;
  return { prune, rounds: () => rounds, finish: (deleted: number) => finish(deleted) };
}

function recordingLogger() {
  const lines: Array<[string, unknown, string]> = [];
  const logger = { info: (fields: unknown, msg: string) => void lines.push(['info', fields, msg]), warn: (fields: unknown, msg: string) => void lines.push(['warn', fields, msg]) } as unknown as Logger;
  return { logger, lines };
}

describe('AuditRetentionScheduler', () => {
  it('runs one round at a time: a round asked for while one runs is that round', async () => {
    const held = heldPrune();
    const scheduler = new AuditRetentionScheduler(held.prune, 60_000, recordingLogger().logger);
    const first = scheduler.runOnce();
    const second = scheduler.runOnce();
    held.finish(0);
    await Promise.all([first, second]);
    expect(held.rounds()).to.equal(1);
  });

  it('waits at stop() for the round in progress', async () => {
    const held = heldPrune();
    const scheduler = new AuditRetentionScheduler(held.prune, 60_000, recordingLogger().logger);
    scheduler.start();
    void scheduler.runOnce();
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).to.equal(false);
    held.finish(3);
    await stopping;
    expect(stopped).to.equal(true);
  });

  it('logs how many it deleted, and a failed round at warn, and goes on', async () => {
    const { logger, lines } = recordingLogger();
    const failing = { execute: async () => Promise.reject(new Error('database down')) } as unknown as PruneAuditEvents;
    await new AuditRetentionScheduler(failing, 60_000, logger).runOnce();
    const held = heldPrune();
    const scheduler = new AuditRetentionScheduler(held.prune, 60_000, logger);
    const round = scheduler.runOnce();
    held.finish(7);
    await round;
    expect(lines.map(([level, , msg]) => `${level}: ${msg}`)).to.deep.equal(['warn: audit retention round failed; will retry', 'info: audit events past AUDIT_RETENTION deleted']);
    expect(lines[1]![1]).to.deep.equal({ deleted: 7 });
  });
});
