import { expect } from 'chai';
import { registerAndLogin } from '../support/accounts.js';
import { enableTotp, mfaTokenOf } from '../support/authenticator.js';
import { expectMatchesContract } from '../support/contract.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

describe(`TOTP: wrong codes throttled per account, MFA_MAX_FAILURES=3 (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ MFA_MAX_FAILURES: '3' });
  });
  after(async () => {
    await t?.stop();
  });

  const secondStep = (body: object) => t.http().post('/auth/login/mfa').send(body);

  it('answers wrong, wrong, wrong with 401, then the right code with 429 and Retry-After; the mfaToken is dead', async () => {
    const account = await enableTotp(t, await registerAndLogin(t));
    const mfaToken = await mfaTokenOf(t, account);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await secondStep({ mfaToken, code: account.app.wrongCode() })).status);
    const right = await secondStep({ mfaToken, code: await account.app.next() });
    await expectMatchesContract(right);
    console.log(`      [figure] MFA_MAX_FAILURES=3: ${[...statuses, right.status].join(', ')}; Retry-After ${right.headers['retry-after']} s`);
    expect([...statuses, right.status]).to.deep.equal([401, 401, 401, 429]);
    expect(Number(right.headers['retry-after'])).to.be.greaterThan(0);
    const [row] = await t.query<{ failures: number | string; spent_at: unknown }>('SELECT failures, spent_at FROM mfa_challenges WHERE user_id = ?', [account.user.id]);
    expect([Number(row!.failures), row!.spent_at]).to.deep.equal([3, null]);
  });

  it('counts per account across mfaTokens, and a recovery code past the limit is 429 too', async () => {
    const account = await enableTotp(t, await registerAndLogin(t));
    for (let i = 0; i < 3; i += 1) expect((await secondStep({ mfaToken: await mfaTokenOf(t, account), code: account.app.wrongCode() })).status).to.equal(401);
    expect((await secondStep({ mfaToken: await mfaTokenOf(t, account), recoveryCode: account.recoveryCodes[0] })).status).to.equal(429);
  });

  it("does not count one account's wrong codes against another", async () => {
    const guessed = await enableTotp(t, await registerAndLogin(t));
    const other = await enableTotp(t, await registerAndLogin(t));
    for (let i = 0; i < 3; i += 1) await secondStep({ mfaToken: await mfaTokenOf(t, guessed), code: guessed.app.wrongCode() });
    expect((await secondStep({ mfaToken: await mfaTokenOf(t, other), code: await other.app.next() })).status).to.equal(200);
  });
});
