import { expect } from 'chai';
import { PruneAuditEvents } from '../../../src/application/use-cases/prune-audit-events.js';
import type { AuditEvent } from '../../../src/domain/audit-event.js';
import { Email } from '../../../src/domain/email.js';
import { User } from '../../../src/domain/user.js';
import { requestDeadline } from '../../../src/infrastructure/request-context/request-deadline.js';
import { TypeOrmAuditLog } from '../../../src/infrastructure/persistence/typeorm-audit-log.js';
import { TypeOrmAuditTrail } from '../../../src/infrastructure/persistence/typeorm-audit-trail.js';
import { TypeOrmSessionStore } from '../../../src/infrastructure/persistence/typeorm-session-store.js';
import { TypeOrmUserRepository } from '../../../src/infrastructure/persistence/typeorm-user-repository.js';
import { SystemClock } from '../../../src/infrastructure/system/system-clock.js';
import { FixedClock } from '../../unit/fakes/fixed-clock.js';
import { openAdapterDatabase, type AdapterDatabase } from '../recovery/adapter-database.js';
import { databaseKind } from '../support/test-database.js';

const DAY_MS = 86_400_000;
const newUser = () => User.register({ id: crypto.randomUUID(), email: Email.parse(`audit-${crypto.randomUUID()}@example.com`), passwordHash: 'hash', now: new Date() });

describe(`TypeOrmAuditTrail and TypeOrmAuditLog (${databaseKind()})`, () => {
  let a: AdapterDatabase;
  let trail: TypeOrmAuditTrail;
  let log: TypeOrmAuditLog;
  let users: TypeOrmUserRepository;
  before(async () => {
    a = await openAdapterDatabase();
    trail = new TypeOrmAuditTrail(a.db, new SystemClock());
    log = new TypeOrmAuditLog(a.db);
    users = new TypeOrmUserRepository(a.db);
  });
  after(async () => {
    await a?.close();
  });

  const rowsOf = (userId: string) => a.query('SELECT type, user_id FROM audit_events WHERE user_id = ?', [userId]);
  const registered = (user: User): AuditEvent => ({ type: 'user.registered', userId: user.id, details: { by: 'self', emailVerified: false } });

  it('writes the change and its event together', async () => {
    const user = newUser();
    await trail.recordWith(() => users.add(user), () => registered(user));
    expect([await users.findById(user.id), await rowsOf(user.id)].map((found) => (Array.isArray(found) ? found.length : found?.id))).to.deep.equal([user.id, 1]);
  });

  it('writes no event when the change fails, and keeps none of the change', async () => {
    const user = newUser();
    const failure = new Error('the change fails after its first write');
    const outcome = await trail.recordWith(async () => {
      await users.add(user);
      throw failure;
    }, () => registered(user)).catch((error: unknown) => error);
    expect(outcome).to.equal(failure);
    expect([await users.findById(user.id), (await rowsOf(user.id)).length]).to.deep.equal([null, 0]);
  });

  it('rolls the change back when its event cannot be written', async () => {
    const user = newUser();
    // A type the column refuses (NOT NULL): the insert fails on every database.
    const broken = { ...registered(user), type: null } as unknown as AuditEvent;
    const outcome = await trail.recordWith(() => users.add(user), () => broken).catch((error: unknown) => error);
    expect(outcome).to.be.instanceOf(Error);
    expect([await users.findById(user.id), (await rowsOf(user.id)).length]).to.deep.equal([null, 0]);
  });

  it('joins every store call of the change, a transaction of its own included (a session started)', async () => {
    const user = newUser();
    await users.add(user);
    const sessions = new TypeOrmSessionStore(a.db);
    const session = {
      id: crypto.randomUUID(), userId: user.id, refreshToken: crypto.randomUUID(), refreshTokenExpiresAt: new Date(Date.now() + DAY_MS), expiresAt: new Date(Date.now() + DAY_MS),
      createdAt: new Date(), userAgent: null, ip: null, successorKey: 'key', amr: ['pwd'], authTime: new Date(),
    };
    const failure = new Error('after the session');
    await trail.recordWith(async () => {
      await sessions.start(session);
      throw failure;
    }, () => null).catch(() => undefined);
    expect(await a.query('SELECT id FROM sessions WHERE id = ?', [session.id])).to.deep.equal([]);
  });

  it('stamps the request context’s id, address and User-Agent, and details as JSON', async () => {
    const user = newUser();
    await requestDeadline.run(new AbortController().signal, () => trail.record({ type: 'login.failed', userId: user.id, details: { reason: 'wrong_password', during: 'login' } }), '192.0.2.9', {
      requestId: 'req-audit-1',
      userAgent: 'curl/8',
    });
    const [event] = await log.find({ userId: user.id, type: null, since: null, until: null, before: null, limit: 10 });
    expect(event && { ...event, id: typeof event.id, at: event.at instanceof Date }).to.deep.equal({
      id: 'string', at: true, type: 'login.failed', userId: user.id, sessionId: null, ip: '192.0.2.9', userAgent: 'curl/8', requestId: 'req-audit-1',
      details: { reason: 'wrong_password', during: 'login' },
    });
  });

  it('pages newest first by an (at, id) position that later inserts do not shift', async () => {
    const userId = crypto.randomUUID();
    for (let n = 0; n < 5; n += 1) await trail.record({ type: 'login.failed', userId, details: { reason: 'wrong_password', during: 'login' } });
    const query = { userId, type: null, since: null, until: null, limit: 2 };
    const first = await log.find({ ...query, before: null });
    await trail.record({ type: 'login.throttled', userId, details: { scope: 'login' } });
    const last = first.at(-1)!;
    const second = await log.find({ ...query, before: { at: last.at, id: last.id } });
    const third = await log.find({ ...query, before: { at: second.at(-1)!.at, id: second.at(-1)!.id } });
    const all = await log.find({ ...query, limit: 10, before: null });
    expect([...first, ...second, ...third].map((e) => e.id)).to.deep.equal(all.slice(1).map((e) => e.id));
    expect(all.map((e) => e.type)[0]).to.equal('login.throttled');
  });

  it('retention deletes the events older than AUDIT_RETENTION and keeps the newer, also run twice at once', async () => {
    const userId = crypto.randomUUID();
    const now = Date.now();
    for (const ageDays of [200, 120, 91, 89, 1]) {
      const at = new Date(now - ageDays * DAY_MS);
      await trail.record({ type: 'login.failed', userId, details: { reason: 'wrong_password', during: 'login' }, origin: { requestId: `age-${ageDays}`, ip: null, userAgent: null, at } });
    }
    const prune = () => new PruneAuditEvents(log, new FixedClock(new Date(now)), { retentionMs: 90 * DAY_MS, batchSize: 2, maxBatches: 10 }).execute();
    const [one, two] = await Promise.all([prune(), prune()]);
    const kept = await a.query('SELECT request_id FROM audit_events WHERE user_id = ? ORDER BY at', [userId]);
    expect(kept.map((row) => row.request_id)).to.deep.equal(['age-89', 'age-1']);
    expect(one + two).to.equal(3); // each row deleted once
  });
});
