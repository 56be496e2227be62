import { expect } from 'chai';
import { TEST_PASSWORD } from './accounts.js';
import { longestMs } from './load-run.js';
import { refreshTokensOf, type OutageRun } from './outage-scenario.js';
import { PROBLEM_JSON } from './problems.js';
import type { TestService } from './test-service.js';

/** What a suite hands the shared behaviours: its service, its run, its accounts made beforehand. */
export interface OutageState {
  t: TestService;
  run: OutageRun;
  standing: string[];
}

/**
 * What must hold after a load through an outage, whatever the database: every answer is the
 * success or a 503 problem with Retry-After, in bounded time; nothing acknowledged is lost;
 * no account exists whose registration was refused, except one whose INSERT committed just
 * as the connection broke (answered 503: the client could not know); no session is half-written.
 */
export function itSurvivesTheOutage(state: OutageState, requestTimeoutMs: number): void {
  // The longest a client may wait: the request timeout, plus scheduling slack on a busy machine.
  const answerBoundMs = requestTimeoutMs + 1_000;
  it('answers every registration 201 or 503 and every login 200 or 503, never another status', () => {
    const { run } = state;
    expect(new Set(run.registrations.map((answer) => answer.status))).to.deep.equal(new Set([201, 503]));
    expect(new Set(run.logins.map((answer) => answer.status))).to.deep.equal(new Set([200, 503]));
  });

  it('answers every 503 as problem+json with Retry-After', () => {
    const refused = [...state.run.registrations, ...state.run.logins].filter((answer) => answer.status === 503);
    for (const answer of refused) {
      expect(answer.contentType).to.equal(PROBLEM_JSON);
      expect(answer.retryAfter).to.match(/^\d+$/);
      expect(answer.body.status).to.equal(503);
    }
  });

  it(`answers every request within REQUEST_TIMEOUT_MS (${requestTimeoutMs} ms, plus scheduling slack): nothing hangs`, () => {
    expect(longestMs([...state.run.registrations, ...state.run.logins])).to.be.below(answerBoundMs);
  });

  it('recovers by itself: requests after the outage succeed again, without a restart', () => {
    const afterwards = state.run.registrations.slice(-10);
    expect(afterwards.map((answer) => answer.status)).to.deep.equal(Array(10).fill(201));
  });

  it('loses no acknowledged account: every address answered 201 logs in afterwards', async () => {
    for (const { email } of state.run.registrations.filter((answer) => answer.status === 201)) {
      const res = await state.t.http().post('/auth/login').send({ email, password: TEST_PASSWORD });
      expect(res.status, email).to.equal(200);
    }
  });

  it('loses no acknowledged session: every refresh token of a 200 login refreshes afterwards', async () => {
    for (const refreshToken of refreshTokensOf(state.run)) {
      expect((await state.t.http().post('/auth/refresh').send({ refreshToken })).status).to.equal(200);
    }
  });

  // Precisely: a registration answered 503 may have its row only if it was already in flight
  // when the outage began (its COMMIT may have landed as the link broke). One sent during the
  // outage, that waited for a connection or a lock and was answered 503, must leave none.
  it('holds a users row for every 201, and for a 503 only if that request was in flight when the outage began', async () => {
    const rows = new Set((await state.t.query<{ email: string }>('SELECT email FROM users')).map((row) => row.email));
    const created = state.run.registrations.filter((answer) => answer.status === 201).map((answer) => answer.email);
    for (const email of created) expect(rows.has(email), email).to.equal(true);
    const refused = new Map(state.run.registrations.filter((answer) => answer.status === 503).map((answer) => [answer.email, answer]));
    const unacknowledged = [...rows].filter((email) => !created.includes(email) && !state.standing.includes(email));
    for (const email of unacknowledged) {
      expect(refused.has(email), `${email} has a row but was never answered 201 or 503`).to.equal(true);
      expect(refused.get(email)!.startedAt, `${email} was sent during the outage, answered 503, and still written`).to.be.below(state.run.outageBeganAt);
    }
    console.log(`      rows written but answered 503: ${unacknowledged.length} of ${refused.size} refused registrations`);
  });

  it('leaves no half-written session: every session has its refresh token and every token its session', async () => {
    const bare = await state.t.query('SELECT id FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.session_id = s.id)');
    const orphans = await state.t.query('SELECT token_hash FROM refresh_tokens r WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = r.session_id)');
    expect(bare).to.deep.equal([]);
    expect(orphans).to.deep.equal([]);
  });
}
