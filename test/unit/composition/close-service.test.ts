import { expect } from 'chai';
import { closeService, type OpenedParts } from '../../../src/composition/close-service.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

/** Parts that write what happens to them, in order, into `events`; the outbox's round ends a tick after stop(). */
function recordingParts(events: string[]): OpenedParts {
  return {
    outbox: {
      async stop() {
        events.push('outbox: stop asked');
        await new Promise((resolve) => setImmediate(resolve));
        events.push('outbox: round in progress done');
      },
    },
    auditRetention: { stop: async () => void events.push('audit retention stopped') },
    gateway: { close: () => void events.push('breakers destroyed') },
    metrics: { close: () => void events.push('metrics cleared') },
    container: { dispose: async () => void events.push('container disposed') },
    throttle: { close: async () => void events.push('throttle closed') },
    dataSource: { isInitialized: true, destroy: async () => void events.push('database closed') },
  };
}

describe('closeService', () => {
  it('lets the mail outbox finish its round in progress before it destroys the breakers and clears the metrics that round uses', async () => {
    const events: string[] = [];
    await closeService(recordingParts(events));
    expect(events.filter((event) => !event.startsWith('audit')).slice(0, 4)).to.deep.equal(['outbox: stop asked', 'outbox: round in progress done', 'breakers destroyed', 'metrics cleared']);
  });

  it('stops the audit retention job (waiting for its round) before the database closes', async () => {
    const events: string[] = [];
    await closeService(recordingParts(events));
    expect(events.indexOf('audit retention stopped')).to.be.within(0, events.indexOf('database closed'));
  });
});
