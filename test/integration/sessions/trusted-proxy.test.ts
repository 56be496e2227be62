import { expect } from 'chai';
import { TEST_PASSWORD } from '../support/accounts.js';
import { registerFrom } from '../support/client-address.js';
import { expectProblem } from '../support/problems.js';
import { sessionIdOf } from '../support/session-flow.js';
import { familyRow } from '../support/session-rows.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { expectTooMany, WRONG_PASSWORD } from '../support/throttle-answers.js';

describe(`client address and TRUST_PROXY (${databaseKind()})`, () => {
  let direct: TestService;
  let proxied: TestService;
  before(async () => {
    direct = await startTestService({ LOGIN_MAX_FAILURES: '3' });
    proxied = await startTestService({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '3' });
  });
  after(async () => {
    await proxied?.stop();
    await direct?.stop();
  });

  /** Logs in with this X-Forwarded-For and answers the ip recorded for the new session. */
  async function recordedIp(t: TestService, forwardedFor: string): Promise<string | null> {
    const email = await registerFrom(t, null);
    const res = await t.http().post('/auth/login').set('X-Forwarded-For', forwardedFor).send({ email, password: TEST_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return (await familyRow(t, sessionIdOf(res.body.access_token))).ip;
  }

  it('records X-Forwarded-For as the session’s ip with TRUST_PROXY=true', async () => {
    expect(await recordedIp(proxied, '203.0.113.9')).to.equal('203.0.113.9');
  });

  it('ignores X-Forwarded-For without TRUST_PROXY and records the peer', async () => {
    expect(await recordedIp(direct, '203.0.113.9')).to.match(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('counts failures from one address together when X-Forwarded-For is ignored, however it varies', async () => {
    const email = await registerFrom(direct, null);
    const attempt = (i: number) =>
      direct.http().post('/auth/login').set('X-Forwarded-For', `198.51.100.${i}`).send({ email, password: WRONG_PASSWORD });
    for (let i = 1; i <= 3; i++) expectProblem(await attempt(i), 401);
    expectTooMany(await attempt(4));
  });

  // Behind one load balancer, only the last X-Forwarded-For entry is the balancer's own word:
  // anything before it the client wrote. Believing the first entry lets a guesser pick a fresh
  // "address" per attempt and never reach LOGIN_MAX_FAILURES.
  it('with TRUST_PROXY=true, does not let a client escape the login limit by varying what it prepends to X-Forwarded-For', async () => {
    const email = await registerFrom(proxied, null);
    const attempt = (i: number) =>
      proxied.http().post('/auth/login').set('X-Forwarded-For', `198.51.100.${i}, 203.0.113.50`).send({ email, password: WRONG_PASSWORD });
    for (let i = 1; i <= 3; i++) expectProblem(await attempt(i), 401);
    expectTooMany(await attempt(4));
  });
});
