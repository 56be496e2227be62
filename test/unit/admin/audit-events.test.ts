import { expect } from 'chai';
import type { AccountAdministration } from '../../../src/application/ports/account-administration.js';
import { DisableUser } from '../../../src/application/use-cases/disable-user.js';
import { EnableUser } from '../../../src/application/use-cases/enable-user.js';
import { EndUserSessions } from '../../../src/application/use-cases/end-user-sessions.js';
import { EraseUser } from '../../../src/application/use-cases/erase-user.js';
import { ListAuditEvents } from '../../../src/application/use-cases/list-audit-events.js';
import { PruneAuditEvents } from '../../../src/application/use-cases/prune-audit-events.js';
import { ResetUserMfa } from '../../../src/application/use-cases/reset-user-mfa.js';
import type { RecordedAuditEvent } from '../../../src/domain/audit-event.js';
import { InvalidPageRequest, UserNotFound } from '../../../src/domain/errors.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryAuditLog } from '../fakes/in-memory-audit-log.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';
import { rejectionOf } from '../support/rejection-of.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const DAY_MS = 86_400_000;

/** Knows user-1 only; every change succeeds for it. */
const accounts: AccountAdministration = {
  disable: async (userId) => userId === 'user-1',
  enable: async (userId) => userId === 'user-1',
  endSessions: async (userId) => userId === 'user-1',
  removeSecondFactors: async (userId) => userId === 'user-1',
  erase: async (userId) => userId === 'user-1',
};

const event = (n: number, at: Date, type: RecordedAuditEvent['type'] = 'login.succeeded', userId = 'user-1'): RecordedAuditEvent => ({
  id: `0000000${n}`.slice(-8),
  at,
  type,
  userId,
  sessionId: null,
  ip: null,
  userAgent: null,
  requestId: null,
  details: {},
});

describe('Admin use cases: their audit events', () => {
  const clock = new FixedClock(NOW);
  const cases = [
    ['DisableUser', (audit: RecordingAuditTrail) => new DisableUser(accounts, clock, audit), { type: 'user.disabled', userId: 'user-1' }],
    ['EnableUser', (audit: RecordingAuditTrail) => new EnableUser(accounts, audit), { type: 'user.enabled', userId: 'user-1' }],
    ['EndUserSessions', (audit: RecordingAuditTrail) => new EndUserSessions(accounts, clock, audit), { type: 'admin.sessions_ended', userId: 'user-1' }],
    ['ResetUserMfa', (audit: RecordingAuditTrail) => new ResetUserMfa(accounts, audit), { type: 'admin.mfa_reset', userId: 'user-1' }],
    ['EraseUser', (audit: RecordingAuditTrail) => new EraseUser(accounts, audit), { type: 'user.erased', userId: 'user-1', details: { by: 'admin' } }],
  ] as const;

  for (const [name, make, expected] of cases) {
    it(`${name} records ${expected.type} for the account`, async () => {
      const audit = new RecordingAuditTrail();
      await make(audit).execute({ userId: 'user-1' });
      expect(audit.events).to.deep.equal([expected]);
    });

    it(`${name} records nothing for an unknown account (UserNotFound)`, async () => {
      const audit = new RecordingAuditTrail();
      expect(await rejectionOf(make(audit).execute({ userId: 'user-9' }))).to.be.instanceOf(UserNotFound);
      expect(audit.events).to.deep.equal([]);
    });
  }
});

describe('ListAuditEvents', () => {
  const log = new InMemoryAuditLog([
    event(1, new Date(NOW.getTime() - 3000), 'user.registered'),
    event(2, new Date(NOW.getTime() - 2000)),
    event(3, new Date(NOW.getTime() - 2000), 'login.failed', 'user-2'),
    event(4, new Date(NOW.getTime() - 1000)),
  ]);
  const list = new ListAuditEvents(log);
  const query = { userId: null, type: null, since: null, until: null, before: null };

  it('answers newest first, a page, and where the next begins', async () => {
    const page = await list.execute({ ...query, limit: 2 });
    expect(page.items.map((item) => item.id)).to.deep.equal(['00000004', '00000003']);
    expect(page.next).to.deep.equal({ at: new Date(NOW.getTime() - 2000), id: '00000003' });
  });

  it('goes on after the position, the same time included by id', async () => {
    const page = await list.execute({ ...query, limit: 2, before: { at: new Date(NOW.getTime() - 2000), id: '00000003' } });
    expect([page.items.map((item) => item.id), page.next]).to.deep.equal([['00000002', '00000001'], null]);
  });

  it('filters by account, type and time', async () => {
    expect((await list.execute({ ...query, userId: 'user-2' })).items.map((item) => item.id)).to.deep.equal(['00000003']);
    expect((await list.execute({ ...query, type: 'user.registered' })).items.map((item) => item.id)).to.deep.equal(['00000001']);
    const window = { since: new Date(NOW.getTime() - 2000), until: new Date(NOW.getTime() - 1000) };
    expect((await list.execute({ ...query, ...window })).items.map((item) => item.id)).to.deep.equal(['00000003', '00000002']);
  });

  for (const limit of [0, 101, 1.5, Number.NaN]) {
    it(`refuses a limit of ${limit} with InvalidPageRequest on /limit`, async () => {
      const error = await rejectionOf(list.execute({ ...query, limit }));
      expect(error).to.be.instanceOf(InvalidPageRequest);
      expect((error as InvalidPageRequest).violations[0]?.field).to.equal('limit');
    });
  }

  it('refuses an unknown type with InvalidPageRequest on /type', async () => {
    const error = await rejectionOf(list.execute({ ...query, type: 'user.hacked' }));
    expect((error as InvalidPageRequest).violations[0]?.field).to.equal('type');
  });
});

describe('PruneAuditEvents', () => {
  it('deletes the events older than the retention, in batches, and keeps the newer', async () => {
    const old = [1, 2, 3, 4, 5].map((n) => event(n, new Date(NOW.getTime() - 91 * DAY_MS - n)));
    const log = new InMemoryAuditLog([...old, event(9, new Date(NOW.getTime() - 89 * DAY_MS))]);
    const prune = new PruneAuditEvents(log, new FixedClock(NOW), { retentionMs: 90 * DAY_MS, batchSize: 2, maxBatches: 10 });
    expect(await prune.execute()).to.equal(5);
    expect(log.rows.map((row) => row.id)).to.deep.equal(['00000009']);
  });

  it('stops after its batches for the round, leaving the rest for the next', async () => {
    const log = new InMemoryAuditLog([1, 2, 3, 4, 5].map((n) => event(n, new Date(NOW.getTime() - 91 * DAY_MS - n))));
    const prune = new PruneAuditEvents(log, new FixedClock(NOW), { retentionMs: 90 * DAY_MS, batchSize: 2, maxBatches: 2 });
    expect([await prune.execute(), log.rows.length]).to.deep.equal([4, 1]);
  });
});
