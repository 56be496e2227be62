import { expect } from 'chai';
import { registerAndLogin } from '../support/accounts.js';
import { expectMatchesContract } from '../support/contract.js';
import { expectProblem } from '../support/problems.js';
import { SoftwareAuthenticator } from '../support/software-authenticator.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { FRONT_END, PASSKEY_ENV, passkeyLogin, withPasskey } from './passkey-flow.js';

describe(`Passkeys: throttling per address (${databaseKind()})`, () => {
  let t: TestService;
  beforeEach(async () => {
    t = await startTestService({ ...PASSKEY_ENV, LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
  });
  afterEach(async () => {
    await t?.stop();
  });

  const options = () => t.http().post('/auth/passkey/options').send({});

  it('answers POST /auth/passkey/options 429 with Retry-After past twice LOGIN_MAX_FAILURES_PER_ADDRESS options no login followed', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await options()).status);
    expect(statuses).to.deep.equal([200, 200, 200, 200, 200, 200, 429]);
    const refused = await options();
    await expectMatchesContract(refused);
    expectProblem(refused, 429);
    expect(Number(refused.headers['retry-after'])).to.be.greaterThan(0);
  });

  it('counts failed passkey logins with the address’s failed logins: past the limit even a right passkey is 429', async () => {
    const authenticator = await withPasskey(t, await registerAndLogin(t));
    const refusedAt = async () => {
      const opts = await options();
      const res = await passkeyLogin(t, stranger.assert(opts.body));
      await expectMatchesContract(res);
      return res;
    };
    const stranger = new SoftwareAuthenticator(FRONT_END);
    // Two failures, a success (its point given back), a third failure: the address's count of 3 is full.
    const statuses = [];
    for (const who of [stranger, stranger, authenticator, stranger, authenticator]) {
      const opts = await options();
      expect(opts.status).to.equal(200);
      statuses.push((await passkeyLogin(t, who.assert(opts.body))).status);
    }
    expect(statuses).to.deep.equal([401, 401, 200, 401, 429]);
    const refused = await refusedAt();
    expectProblem(refused, 429);
    expect(refused.headers['retry-after']).to.match(/^\d+$/);
  });
});
