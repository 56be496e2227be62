import { expect } from 'chai';
import type { Rotation } from '../../../src/application/ports/session-store.js';
import { DAY_MS, MAX_AGE_MS, NOW, TTL_MS, at, startSession } from '../support/session-fixture.js';
import { sessionStoreLivenessPromises, sessionStorePromises } from '../support/session-store-promises.js';
import { RecordingSessionStore } from './recording-session-store.js';

// The fake stands in for the TypeORM adapter in every session use-case test: it must keep the port's promises.
const rotation = (successor: string, changes: Partial<Rotation> = {}): Rotation => ({
  sessionId: 'session-1',
  spent: 'refresh-1',
  successor,
  successorExpiresAt: at(TTL_MS),
  now: NOW,
  userAgent: null,
  ip: null,
  ...changes,
});

describe('RecordingSessionStore', () => {
  let store: RecordingSessionStore;

  beforeEach(async () => {
    store = new RecordingSessionStore();
    await startSession(store);
  });

  it('finds a token with its family', async () => {
    expect(await store.findToken('refresh-1')).to.deep.equal({
      sessionId: 'session-1',
      userId: 'user-1',
      tokenExpiresAt: at(TTL_MS - DAY_MS),
      spentAt: null,
      sessionExpiresAt: at(MAX_AGE_MS - DAY_MS),
      sessionRevokedAt: null,
      successorKey: 'key-1',
      amr: ['pwd'],
      authTime: at(-DAY_MS),
    });
  });

  it('answers null for an unknown token', async () => {
    expect(await store.findToken('refresh-9')).to.equal(null);
  });

  it('lets exactly one of ten concurrent rotations of one token win', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, n) => store.rotate(rotation(`next-${n}`))));
    expect(outcomes.filter(Boolean)).to.have.lengthOf(1);
  });

  it('writes nothing for a losing rotation', async () => {
    await Promise.all([store.rotate(rotation('next-a')), store.rotate(rotation('next-b'))]);
    expect([await store.findToken('next-a'), await store.findToken('next-b')].filter(Boolean)).to.have.lengthOf(1);
  });

  it('refuses to rotate an unknown token', async () => {
    expect(await store.rotate(rotation('next', { spent: 'refresh-9' }))).to.equal(false);
  });

  it('keeps the first revocation time when revoked again', async () => {
    await store.revoke('session-1', at(-1000));
    await store.revoke('session-1', NOW);
    expect(store.revokedAt('session-1')?.getTime()).to.equal(at(-1000).getTime());
  });

  it('lists a family that is live', async () => {
    expect((await store.listLive('user-1', NOW)).map((s) => s.id)).to.deep.equal(['session-1']);
  });

  it('lists no revoked family', async () => {
    await store.revoke('session-1', at(-1));
    expect(await store.listLive('user-1', NOW)).to.deep.equal([]);
  });

  it('lists no family at its maximum age, however long its token would last', async () => {
    await startSession(store, { id: 'session-2', token: 'refresh-2', createdAt: at(-MAX_AGE_MS), tokenExpiresAt: at(DAY_MS) });
    expect((await store.listLive('user-1', NOW)).map((s) => s.id)).to.deep.equal(['session-1']);
  });

  it('lists no family whose every token has expired (idled out)', async () => {
    expect(await store.listLive('user-1', at(TTL_MS - DAY_MS))).to.deep.equal([]);
  });

  it('lists families by latest use, newest first', async () => {
    await startSession(store, { id: 'session-2', token: 'refresh-2', createdAt: at(-2 * DAY_MS) });
    await store.rotate(rotation('next', { sessionId: 'session-2', spent: 'refresh-2' }));
    expect((await store.listLive('user-1', NOW)).map((s) => s.id)).to.deep.equal(['session-2', 'session-1']);
  });

  it("revokes a user's own live family only", async () => {
    expect([await store.revokeOfUser('session-1', 'user-2', NOW), await store.revokeOfUser('session-1', 'user-1', NOW)]).to.deep.equal([false, true]);
  });

  it('takes a family as live until it is revoked or reaches its maximum age', async () => {
    const live = [await store.isLive('session-1', NOW), await store.isLive('session-1', at(MAX_AGE_MS - DAY_MS))];
    await store.revoke('session-1', NOW);
    expect([...live, await store.isLive('session-1', NOW)]).to.deep.equal([true, false, false]);
  });

  it('keeps no token in the clear', async () => {
    expect(store.tokenRecord('refresh-1')?.tokenHash).to.match(/^[0-9a-f]{64}$/);
  });
});

// The same liveness cases run against the TypeORM adapter (test/integration/persistence/).
describe('RecordingSessionStore: liveness', () => {
  sessionStoreLivenessPromises(async () => ({ store: new RecordingSessionStore(), addUser: async () => undefined, close: async () => undefined }));
});

describe('RecordingSessionStore: the port’s promises', () => {
  sessionStorePromises(async () => ({ store: new RecordingSessionStore(), addUser: async () => undefined, close: async () => undefined }));
});
