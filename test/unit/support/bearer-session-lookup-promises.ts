import { expect } from 'chai';
import { PasswordReplacement } from '../../../src/application/services/password-replacement.js';
import type { BearerSessionLookup } from '../../../src/application/ports/bearer-session-lookup.js';
import type { SecondFactorStore } from '../../../src/application/ports/second-factor-store.js';
import type { SessionStore } from '../../../src/application/ports/session-store.js';
import type { UserRepository } from '../../../src/application/ports/user-repository.js';
import { Email } from '../../../src/domain/email.js';
import { isLiveSession } from '../../../src/domain/session-liveness.js';
import { User } from '../../../src/domain/user.js';
import { InMemoryAccountTokenStore } from '../fakes/in-memory-account-token-store.js';
import { at, cases as livenessCases, livenessOf, setUp, T0 } from './session-store-promises.js';
import { AccountNotice } from '../../../src/application/services/account-notice.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

/** A BearerSessionLookup over sessions and accounts that the suite sets up through their own ports. */
export interface BearerSessionLookupUnderTest {
  readonly lookup: BearerSessionLookup;
  readonly sessions: SessionStore;
  readonly users: UserRepository;
  readonly factors: SecondFactorStore;
  close(): Promise<void>;
}

const HOUR_MS = 3_600_000;
const PRINCIPAL = { userId: 'user-1', sessionId: 'session-1' };
// The principal alone, without the account the same read brings (checked on its own below).
const principalOf = (found: { userId: string; sessionId: string } | null) => found && { userId: found.userId, sessionId: found.sessionId };

/**
 * The promises of the bearer check's one read, for the fake and the SQL adapter on every
 * database. The session cases are the session store's liveness cases, each answer given by
 * the domain's isLiveSession, so the one read says what `SessionStore.isLive` says; then
 * whose the session is.
 */
export function bearerSessionLookupPromises(make: () => Promise<BearerSessionLookupUnderTest>): void {
  let s: BearerSessionLookupUnderTest;

  beforeEach(async () => {
    s = await make();
    for (const id of ['user-1', 'user-2']) {
      await s.users.add(User.register({ id, email: Email.parse(`${id}@example.com`), passwordHash: 'hash', now: at(-HOUR_MS) }));
    }
  });
  afterEach(async () => {
    await s?.close();
  });

  for (const c of livenessCases) {
    const live = isLiveSession(livenessOf(c), c.now);
    it(`answers ${c.name} as ${live ? 'live' : 'ended'}, as isLive does`, async () => {
      await setUp(s.sessions, c);
      expect([principalOf(await s.lookup.findLivePrincipal('user-1', 'session-1', c.now)), await s.sessions.isLive('session-1', c.now)]).to.deep.equal([
        live ? PRINCIPAL : null,
        live,
      ]);
    });
  }

  it("brings what GET /users/me shows of the account, as stored, in the same read, and nothing more: no password hash (issue 18)", async () => {
    await setUp(s.sessions, livenessCases[0]!);
    await s.users.update((await s.users.findById('user-1'))!.withVerifiedEmail(at(1)));
    const found = await s.lookup.findLivePrincipal('user-1', 'session-1', at(1));
    expect(found).to.deep.equal({ ...PRINCIPAL, account: { email: 'user-1@example.com', emailVerifiedAt: at(1), createdAt: at(-HOUR_MS) }, mfaEnabled: false });
  });

  it('says whether the account has TOTP on, an unconfirmed enrolment not counting', async () => {
    await setUp(s.sessions, livenessCases[0]!);
    await s.factors.enrolTotp('user-1', 'JBSWY3DPEHPK3PXP', at(1));
    const unconfirmed = (await s.lookup.findLivePrincipal('user-1', 'session-1', at(1)))?.mfaEnabled;
    await s.factors.confirmTotp('user-1', 1, [], at(1));
    expect([unconfirmed, (await s.lookup.findLivePrincipal('user-1', 'session-1', at(1)))?.mfaEnabled]).to.deep.equal([false, true]);
  });

  it('answers a live session asked for with another account as no principal', async () => {
    await setUp(s.sessions, livenessCases[0]!);
    expect([await s.lookup.findLivePrincipal('user-2', 'session-1', at(1)), await s.lookup.findLivePrincipal('user-9', 'session-1', at(1))]).to.deep.equal([null, null]);
  });

  it('answers an unknown session as no principal', async () => {
    expect(await s.lookup.findLivePrincipal('user-1', 'session-9', T0)).to.equal(null);
  });

  it("answers no principal once a password change has ended the account's sessions", async () => {
    await setUp(s.sessions, livenessCases[0]!);
    const tokens = new InMemoryAccountTokenStore();
    await new PasswordReplacement(s.users, s.sessions, tokens, new AccountNotice(tokens, new FixedClock(at(1))), new RecordingAuditTrail()).replace((await s.users.findById('user-1'))!, 'new-hash', at(1), 'password.changed');
    expect(await s.lookup.findLivePrincipal('user-1', 'session-1', at(2))).to.equal(null);
  });

  it('answers no principal for an account an administrator disabled, though its session is live', async () => {
    await setUp(s.sessions, livenessCases[0]!);
    await s.users.update((await s.users.findById('user-1'))!.withDisabled(at(1)));
    expect(await s.lookup.findLivePrincipal('user-1', 'session-1', at(2))).to.equal(null);
  });
}
