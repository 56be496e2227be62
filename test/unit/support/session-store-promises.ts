import { expect } from 'chai';
import type { Rotation, SessionStore } from '../../../src/application/ports/session-store.js';
import { isLiveSession, type SessionLiveness } from '../../../src/domain/session-liveness.js';

/** A SessionStore to hold to the port's promises, with what the suite needs around it. */
export interface SessionStoreUnderTest {
  readonly store: SessionStore;
  /** Makes an account with this id exist (the real table refers to users). */
  addUser(id: string): Promise<void>;
  close(): Promise<void>;
}

export const T0 = new Date('2025-06-01T12:00:00.000Z');
export const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);
const MINUTE_MS = 60_000;
const TTL_MS = 14 * 1_440 * MINUTE_MS;
const MAX_AGE_MS = 90 * 1_440 * MINUTE_MS;

/** A session begun at T0, maybe refreshed once a minute later, maybe revoked; judged at `now`. */
export interface LivenessCase {
  readonly name: string;
  readonly firstTokenExpiresAt?: Date;
  readonly expiresAt?: Date;
  /** The expiry of the successor of a refresh at T0 + 1 min. */
  readonly refreshedUntil?: Date;
  readonly revokedAt?: Date;
  readonly now: Date;
}

export const cases: LivenessCase[] = [
  { name: 'a session just begun', now: at(1) },
  { name: 'a revoked session', revokedAt: at(1), now: at(2) },
  { name: 'a session 1 ms before its maximum age', expiresAt: at(TTL_MS + MINUTE_MS), now: at(TTL_MS + MINUTE_MS - 1), refreshedUntil: at(TTL_MS + MINUTE_MS) },
  { name: 'a session at its maximum age, its token unexpired', firstTokenExpiresAt: at(MAX_AGE_MS + 1), now: at(MAX_AGE_MS) },
  { name: 'a session 1 ms before its token expires', now: at(TTL_MS - 1) },
  { name: 'a session idled out: its token expired at that very millisecond', now: at(TTL_MS) },
  { name: 'a refreshed session, its first token expired and its successor not', refreshedUntil: at(2 * TTL_MS), now: at(TTL_MS + 1) },
  { name: 'a refreshed session idled out: its successor expired', refreshedUntil: at(TTL_MS + MINUTE_MS), now: at(TTL_MS + MINUTE_MS) },
];

/** The case as the domain sees it: the facts its rule decides on. */
export function livenessOf(c: LivenessCase): SessionLiveness {
  return {
    revokedAt: c.revokedAt ?? null,
    expiresAt: c.expiresAt ?? at(MAX_AGE_MS),
    unspentTokenExpiresAt: c.refreshedUntil ?? c.firstTokenExpiresAt ?? at(TTL_MS),
  };
}

export async function setUp(store: SessionStore, c: LivenessCase): Promise<void> {
  const { expiresAt } = livenessOf(c);
  await store.start({
    id: 'session-1',
    userId: 'user-1',
    refreshToken: 'refresh-1',
    refreshTokenExpiresAt: c.firstTokenExpiresAt ?? at(TTL_MS),
    expiresAt,
    createdAt: T0,
    userAgent: null,
    ip: null,
    successorKey: 'key-1',
    amr: ['pwd'],
    authTime: T0,
  });
  if (c.refreshedUntil) {
    const rotation = { sessionId: 'session-1', spent: 'refresh-1', successor: 'refresh-2', successorExpiresAt: c.refreshedUntil };
    expect(await store.rotate({ ...rotation, now: at(MINUTE_MS), userAgent: null, ip: null })).to.equal(true);
  }
  if (c.revokedAt) await store.revoke('session-1', c.revokedAt);
}

/**
 * The liveness promises of the SessionStore port, as one suite that the recording fake and the
 * TypeORM adapter (on SQLite and MariaDB) must all pass. The expected answer of every case
 * comes from the domain's rule (isLiveSession), so the fake's code and the adapter's SQL are
 * both held to that one definition: `isLive` (the bearer check), `listLive` (the list) and
 * `revokeOfUser` (DELETE /users/me/sessions/{id}) answer alike.
 */
export function sessionStoreLivenessPromises(make: () => Promise<SessionStoreUnderTest>): void {
  let s: SessionStoreUnderTest;

  beforeEach(async () => {
    s = await make();
    await s.addUser('user-1');
    await s.addUser('user-2');
  });
  afterEach(async () => {
    await s?.close();
  });

  for (const c of cases) {
    const live = isLiveSession(livenessOf(c), c.now);
    it(`answers ${c.name} as ${live ? 'live' : 'ended'} in isLive, listLive and revokeOfUser alike`, async () => {
      await setUp(s.store, c);
      const listed = (await s.store.listLive('user-1', c.now)).map((session) => session.id);
      const answers = [await s.store.isLive('session-1', c.now), listed.includes('session-1'), await s.store.revokeOfUser('session-1', 'user-1', c.now)];
      expect(answers).to.deep.equal([live, live, live]);
    });
  }

  it("neither lists nor revokes another user's live session", async () => {
    await setUp(s.store, cases[0]!);
    const answers = [await s.store.listLive('user-2', at(1)), await s.store.revokeOfUser('session-1', 'user-2', at(1))];
    expect([...answers, await s.store.isLive('session-1', at(1))]).to.deep.equal([[], false, true]);
  });

  it("keeps the login's amr and auth time for the family's tokens, through a rotation", async () => {
    await s.store.start({
      id: 'session-2',
      userId: 'user-1',
      refreshToken: 'refresh-a',
      refreshTokenExpiresAt: at(TTL_MS),
      expiresAt: at(MAX_AGE_MS),
      createdAt: T0,
      userAgent: null,
      ip: null,
      successorKey: 'key-2',
      amr: ['pwd', 'otp', 'mfa'],
      authTime: at(-1_234),
    });
    const rotation = { sessionId: 'session-2', spent: 'refresh-a', successor: 'refresh-b', successorExpiresAt: at(TTL_MS), now: at(MINUTE_MS) };
    expect(await s.store.rotate({ ...rotation, userAgent: null, ip: null })).to.equal(true);
    const state = await s.store.findToken('refresh-b');
    expect([state?.amr, state?.authTime]).to.deep.equal([['pwd', 'otp', 'mfa'], at(-1_234)]);
  });

  it("ends every other session of the user, and keeps the one named and other users' sessions", async () => {
    for (const [id, userId] of [['session-1', 'user-1'], ['session-2', 'user-1'], ['session-3', 'user-2']] as const) {
      await s.store.start({ id, userId, refreshToken: `refresh-${id}`, refreshTokenExpiresAt: at(TTL_MS), expiresAt: at(MAX_AGE_MS), createdAt: T0, userAgent: null, ip: null, successorKey: 'key', amr: ['pwd'], authTime: T0 });
    }
    await s.store.revokeOthersOfUser('user-1', 'session-2', at(1));
    const live = await Promise.all(['session-1', 'session-2', 'session-3'].map((id) => s.store.isLive(id, at(2))));
    expect(live).to.deep.equal([false, true, true]);
  });

  it('answers an unknown session as ended', async () => {
    expect([await s.store.isLive('session-9', T0), await s.store.revokeOfUser('session-9', 'user-1', T0)]).to.deep.equal([false, false]);
  });
}

const rotation = (successor: string, changes: Partial<Rotation> = {}): Rotation => ({
  sessionId: 'session-1',
  spent: 'refresh-1',
  successor,
  successorExpiresAt: at(2 * TTL_MS),
  now: at(MINUTE_MS),
  userAgent: 'Firefox/141',
  ip: '203.0.113.8',
  ...changes,
});

/** session-1 of user-1 begun at `createdAt` (T0), first token refresh-1, as a login leaves it. */
function started(store: SessionStore, changes: { id?: string; token?: string; createdAt?: Date } = {}): Promise<void> {
  const createdAt = changes.createdAt ?? T0;
  return store.start({
    id: changes.id ?? 'session-1',
    userId: 'user-1',
    refreshToken: changes.token ?? 'refresh-1',
    refreshTokenExpiresAt: new Date(createdAt.getTime() + TTL_MS),
    expiresAt: new Date(createdAt.getTime() + MAX_AGE_MS),
    createdAt,
    userAgent: 'Firefox/140',
    ip: '203.0.113.7',
    successorKey: 'key-1',
    amr: ['pwd'],
    authTime: createdAt,
  });
}

/**
 * The rest of the SessionStore port's promises (finding, rotating exactly once, revoking,
 * listing), for the same fake and adapters as the liveness suite above.
 */
export function sessionStorePromises(make: () => Promise<SessionStoreUnderTest>): void {
  let s: SessionStoreUnderTest;

  beforeEach(async () => {
    s = await make();
    await s.addUser('user-1');
    await s.addUser('user-2');
    await started(s.store);
  });
  afterEach(async () => {
    await s?.close();
  });

  it('finds a token with its family, times to the millisecond', async () => {
    expect(await s.store.findToken('refresh-1')).to.deep.equal({
      sessionId: 'session-1',
      userId: 'user-1',
      tokenExpiresAt: at(TTL_MS),
      spentAt: null,
      sessionExpiresAt: at(MAX_AGE_MS),
      sessionRevokedAt: null,
      successorKey: 'key-1',
      amr: ['pwd'],
      authTime: T0,
    });
  });

  it('answers null for an unknown token', async () => {
    expect(await s.store.findToken('refresh-9')).to.equal(null);
  });

  it('lets exactly one of 10 concurrent rotations of one token win, and stores only its successor', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, n) => s.store.rotate(rotation(`next-${n}`))));
    const found = await Promise.all(Array.from({ length: 10 }, (_, n) => s.store.findToken(`next-${n}`)));
    expect([outcomes.filter(Boolean).length, found.filter(Boolean).length]).to.deep.equal([1, 1]);
  });

  it('marks the spent token with the rotation time, its successor unspent in the same family', async () => {
    expect(await s.store.rotate(rotation('next'))).to.equal(true);
    const [spent, successor] = [await s.store.findToken('refresh-1'), await s.store.findToken('next')];
    expect([spent?.spentAt, successor?.spentAt, successor?.sessionId, successor?.tokenExpiresAt]).to.deep.equal([at(MINUTE_MS), null, 'session-1', at(2 * TTL_MS)]);
  });

  it('refuses to rotate an unknown token', async () => {
    expect(await s.store.rotate(rotation('next', { spent: 'refresh-9' }))).to.equal(false);
  });

  it('keeps the first revocation time when revoked again', async () => {
    await s.store.revoke('session-1', at(1_000));
    await s.store.revoke('session-1', at(2_000));
    expect((await s.store.findToken('refresh-1'))?.sessionRevokedAt).to.deep.equal(at(1_000));
  });

  it("revokes every family of a user, and no other user's", async () => {
    await started(s.store, { id: 'session-2', token: 'refresh-2' });
    await s.store.revokeAllOfUser('user-2', at(1));
    const untouched = [await s.store.isLive('session-1', at(2)), await s.store.isLive('session-2', at(2))];
    await s.store.revokeAllOfUser('user-1', at(3));
    expect([...untouched, await s.store.isLive('session-1', at(4)), await s.store.isLive('session-2', at(4))]).to.deep.equal([true, true, false, false]);
  });

  it('lists families by latest use, newest first, with what the list shows', async () => {
    await started(s.store, { id: 'session-2', token: 'refresh-2', createdAt: at(-MINUTE_MS) });
    await s.store.rotate(rotation('next', { sessionId: 'session-2', spent: 'refresh-2' }));
    expect(await s.store.listLive('user-1', at(2 * MINUTE_MS))).to.deep.equal([
      { id: 'session-2', createdAt: at(-MINUTE_MS), lastUsedAt: at(MINUTE_MS), userAgent: 'Firefox/141', ip: '203.0.113.8' },
      { id: 'session-1', createdAt: T0, lastUsedAt: T0, userAgent: 'Firefox/140', ip: '203.0.113.7' },
    ]);
  });

  it('answers an id no session can have (holding a NUL character) as no session of the caller', async () => {
    expect([await s.store.revokeOfUser('session-1\u0000', 'user-1', at(1)), await s.store.isLive('session-1', at(1))]).to.deep.equal([false, true]);
  });
}
