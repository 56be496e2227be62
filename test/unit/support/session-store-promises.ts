import { expect } from 'chai';
import type { SessionStore } from '../../../src/application/ports/session-store.js';
import { isLiveSession, type SessionLiveness } from '../../../src/domain/session-liveness.js';

/** A SessionStore to hold to the port's promises, with what the suite needs around it. */
export interface SessionStoreUnderTest {
  readonly store: SessionStore;
  /** Makes an account with this id exist (the real table refers to users). */
  addUser(id: string): Promise<void>;
  close(): Promise<void>;
}

const T0 = new Date('2025-06-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);
const MINUTE_MS = 60_000;
const TTL_MS = 14 * 1_440 * MINUTE_MS;
const MAX_AGE_MS = 90 * 1_440 * MINUTE_MS;

/** A session begun at T0, maybe refreshed once a minute later, maybe revoked; judged at `now`. */
interface LivenessCase {
  readonly name: string;
  readonly firstTokenExpiresAt?: Date;
  readonly expiresAt?: Date;
  /** The expiry of the successor of a refresh at T0 + 1 min. */
  readonly refreshedUntil?: Date;
  readonly revokedAt?: Date;
  readonly now: Date;
}

const cases: LivenessCase[] = [
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
function livenessOf(c: LivenessCase): SessionLiveness {
  return {
    revokedAt: c.revokedAt ?? null,
    expiresAt: c.expiresAt ?? at(MAX_AGE_MS),
    unspentTokenExpiresAt: c.refreshedUntil ?? c.firstTokenExpiresAt ?? at(TTL_MS),
  };
}

async function setUp(store: SessionStore, c: LivenessCase): Promise<void> {
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
