import { expect } from 'chai';
import type { Response } from 'supertest';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { attemptLogin, fromAddress, registerFrom, statusCounts, uniqueAddress } from '../support/client-address.js';
import { expectProblem } from '../support/problems.js';
import { TEST_REDIS_URL } from '../support/redis-store.js';
import { databaseKind, onDatabaseServer } from '../support/test-database.js';
import { expectTooMany, WRONG_PASSWORD } from '../support/throttle-answers.js';
import { NEW_PASSWORD, lastLinkToken, outboxRowsTo, startRecoveryScenario, type RecoveryScenario } from '../recovery/recovery-scenario.js';

const NOTICE_SUBJECT = 'Too many failed sign-ins to your account';
// Every attempt from an address of its own (TRUST_PROXY and X-Forwarded-For), so that only the
// count of the account from all addresses can refuse it; unique addresses also keep runs on
// Redis, whose counts outlive them, apart.
const ENV = { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', RECOVERY_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_EMAIL: '1000' };

for (const [store, env] of [
  [onDatabaseServer() ? 'the rate_limits table' : 'process memory', ENV],
  ['Redis', { ...ENV, REDIS_URL: TEST_REDIS_URL }],
] as const) {
  describe(`login ceiling per account, LOGIN_MAX_FAILURES_PER_ACCOUNT=3, counted in ${store} (${databaseKind()})`, () => {
    let s: RecoveryScenario;
    before(async () => {
      s = await startRecoveryScenario(env);
    });
    after(async () => {
      await s?.stop();
    });

    /** Wrong passwords for `email`, each from a new address, one after the other. */
    async function wrongFromNewAddresses(email: string, count: number): Promise<Response[]> {
      const answers = [];
      for (let i = 0; i < count; i++) answers.push(await attemptLogin(s.t, email, WRONG_PASSWORD, uniqueAddress()));
      return answers;
    }
    const notices = async (email: string) => (await outboxRowsTo(s.t, email)).filter((row) => row.subject === NOTICE_SUBJECT);

    it('answers wrong passwords from 4 different addresses with 401, 401, 401 and then 429 with Retry-After', async () => {
      const email = await registerFrom(s.t, uniqueAddress());
      const answers = await wrongFromNewAddresses(email, 4);
      for (const res of answers.slice(0, 3)) expectProblem(res, 401);
      expectTooMany(answers[3]!);
    });

    it('answers the right password from a fifth address with 429 and Retry-After too', async () => {
      const email = await registerFrom(s.t, uniqueAddress());
      await wrongFromNewAddresses(email, 4);
      expectTooMany(await attemptLogin(s.t, email, TEST_PASSWORD, uniqueAddress()));
    });

    it('queues exactly one notice to the owner for 10 parallel wrong passwords from 10 addresses, 3 of them judged', async () => {
      const email = await registerFrom(s.t, uniqueAddress());
      const answers = await Promise.all(Array.from({ length: 10 }, () => attemptLogin(s.t, email, WRONG_PASSWORD, uniqueAddress())));
      expect(statusCounts(answers)).to.deep.equal({ 401: 3, 429: 7 });
      await wrongFromNewAddresses(email, 2);
      const rows = await notices(email);
      expect(rows).to.have.length(1);
      expect(`${rows[0]!.text_body}${rows[0]!.html_body}`).not.to.match(/https?:|#token=/);
    });

    it('lets the owner log in again from the fifth address once a password reset succeeded', async () => {
      const email = await registerFrom(s.t, uniqueAddress());
      await wrongFromNewAddresses(email, 4);
      const fifth = uniqueAddress();
      expectTooMany(await attemptLogin(s.t, email, TEST_PASSWORD, fifth));
      await s.t.http().post('/auth/password-reset').set(fromAddress(uniqueAddress())).send({ email }).expect(202);
      const token = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
      await s.t.http().post('/auth/password-reset/confirm').send({ token, newPassword: NEW_PASSWORD }).expect(204);
      expect((await attemptLogin(s.t, email, NEW_PASSWORD, fifth)).status).to.equal(200);
    });

    it('answers an unknown e-mail past the ceiling alike, with 429, and mails nobody', async () => {
      const email = uniqueEmail('nobody');
      const answers = await wrongFromNewAddresses(email, 4);
      expect(answers.map((res) => res.status)).to.deep.equal([401, 401, 401, 429]);
      expect(await outboxRowsTo(s.t, email)).to.deep.equal([]);
    });
  });
}
