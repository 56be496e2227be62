import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { attemptLogin, registerFrom } from '../support/client-address.js';
import { expectProblem } from '../support/problems.js';
import { sessionIdOf } from '../support/session-flow.js';
import { familyRow } from '../support/session-rows.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { expectTooMany, WRONG_PASSWORD } from '../support/throttle-answers.js';

// A random /64 under 2001:db8::/32 (RFC 3849, documentation) per call: no two runs share one.
const uniqueSlash64 = () => `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
const uniqueIpv4Tail = () => `198.51.100.${1 + Math.floor(Math.random() * 254)}`;

describe(`client address forms, TRUST_PROXY=true (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
  });
  after(async () => {
    await t?.stop();
  });

  it('records ::ffff:203.0.113.9 as 203.0.113.9 in the session and the request log line', async () => {
    const email = await registerFrom(t, null);
    const res = await attemptLogin(t, email, TEST_PASSWORD, '::ffff:203.0.113.9');
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect((await familyRow(t, sessionIdOf(res.body.access_token))).ip).to.equal('203.0.113.9');
    const lines = t.logs.requestLines(res.headers['x-request-id']!);
    expect(lines.map((line) => line.remoteAddress)).to.deep.equal(['203.0.113.9']);
  });

  it('counts failures from two addresses of one IPv6 /64 together: the 4th from the /64 answers 429', async () => {
    const prefix = uniqueSlash64();
    for (let i = 1; i <= 3; i++) expectProblem(await attemptLogin(t, uniqueEmail(), WRONG_PASSWORD, `${prefix}::${i}`), 401);
    expectTooMany(await attemptLogin(t, uniqueEmail(), WRONG_PASSWORD, `${prefix}:abcd::4`));
  });

  it('counts another /64 apart', async () => {
    const prefix = uniqueSlash64();
    for (let i = 1; i <= 3; i++) await attemptLogin(t, uniqueEmail(), WRONG_PASSWORD, `${prefix}::${i}`);
    expectProblem(await attemptLogin(t, uniqueEmail(), WRONG_PASSWORD, `${uniqueSlash64()}::1`), 401);
  });

  it('counts ::ffff:a.b.c.d and a.b.c.d as one address', async () => {
    const ip = uniqueIpv4Tail();
    for (const form of [ip, `::ffff:${ip}`, ip]) expectProblem(await attemptLogin(t, uniqueEmail(), WRONG_PASSWORD, form), 401);
    expectTooMany(await attemptLogin(t, uniqueEmail(), WRONG_PASSWORD, `::ffff:${ip}`));
  });
});
