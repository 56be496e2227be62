import { expect } from 'chai';
import type { Response } from 'supertest';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { databaseKind } from '../support/test-database.js';
import { expectTooMany } from '../support/throttle-answers.js';
import { startRecoveryScenario, type RecoveryScenario } from './recovery-scenario.js';

async function statuses(requests: Array<() => PromiseLike<Response>>): Promise<number[]> {
  const answers: number[] = [];
  for (const request of requests) answers.push((await request()).status);
  return answers;
}

describe(`rate limits on recovery mails (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  afterEach(async () => {
    await s?.stop();
  });

  describe('RECOVERY_MAX_PER_EMAIL=2', () => {
    beforeEach(async () => {
      s = await startRecoveryScenario({ RECOVERY_MAX_PER_EMAIL: '2', RECOVERY_MAX_PER_ADDRESS: '1000' });
    });

    it('answers the third reset request for one registered e-mail 429 with Retry-After', async () => {
      const email = await s.register();
      expect(await statuses([() => s.requestReset(email), () => s.requestReset(email)])).to.deep.equal([202, 202]);
      expectTooMany(await s.requestReset(email));
    });

    it('answers the third request for one unknown e-mail 429 alike', async () => {
      const nobody = uniqueEmail('nobody');
      expect(await statuses([() => s.requestReset(nobody), () => s.requestReset(nobody)])).to.deep.equal([202, 202]);
      expectTooMany(await s.requestReset(nobody));
    });

    it('counts the e-mail however it is cased', async () => {
      const email = await s.register();
      const capitalised = email.charAt(0).toUpperCase() + email.slice(1);
      await statuses([() => s.requestReset(email), () => s.requestReset(email.toUpperCase())]);
      expectTooMany(await s.requestReset(capitalised));
    });

    it('counts verification requests with reset requests', async () => {
      const email = await s.register();
      const login = await s.t.http().post('/auth/login').send({ email, password: TEST_PASSWORD });
      const verify = () => s.t.http().post('/auth/verify-email').set('Authorization', `Bearer ${login.body.access_token}`);
      expect(await statuses([() => s.requestReset(email), verify])).to.deep.equal([202, 202]);
      expectTooMany(await verify());
    });

    it('leaves another e-mail its own count', async () => {
      const email = await s.register();
      await statuses([() => s.requestReset(email), () => s.requestReset(email), () => s.requestReset(email)]);
      expect((await s.requestReset(await s.register())).status).to.equal(202);
    });
  });

  describe('RECOVERY_MAX_PER_ADDRESS=3', () => {
    beforeEach(async () => {
      s = await startRecoveryScenario({ RECOVERY_MAX_PER_ADDRESS: '3', RECOVERY_MAX_PER_EMAIL: '1000' });
    });

    it('answers the fourth request from one address 429, across different e-mails', async () => {
      const emails = [uniqueEmail(), uniqueEmail('nobody'), uniqueEmail(), uniqueEmail()];
      const answers = await statuses(emails.slice(0, 3).map((email) => () => s.requestReset(email)));
      expect(answers).to.deep.equal([202, 202, 202]);
      expectTooMany(await s.requestReset(emails[3]!));
    });
  });
});
