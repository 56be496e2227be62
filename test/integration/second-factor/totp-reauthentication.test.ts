import { expect } from 'chai';
import { registerAndLogin, TEST_PASSWORD } from '../support/accounts.js';
import { enableTotp, mfaTokenOf, type TotpAccount } from '../support/authenticator.js';
import { expectMatchesContract } from '../support/contract.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { lastLinkToken, startRecoveryScenario, type RecoveryScenario } from '../recovery/recovery-scenario.js';

const NEW_PASSWORD = 'a brand new passphrase for the account';

describe(`TOTP: changing a factor or the account needs the password and a code (${databaseKind()})`, () => {
  let t: TestService;
  let account: TotpAccount;
  before(async () => {
    t = await startTestService();
  });
  beforeEach(async () => {
    account = await enableTotp(t, await registerAndLogin(t));
  });
  after(async () => {
    await t?.stop();
  });

  const bearer = () => `Bearer ${account.access_token}`;
  const login = (password: string) => t.http().post('/auth/login').send({ email: account.user.email, password });

  it('refuses a password change without `code` with 401, counted as a failed login; the password stays', async () => {
    const res = await t.http().put('/users/me/password').set('Authorization', bearer()).send({ currentPassword: account.password, newPassword: NEW_PASSWORD });
    await expectMatchesContract(res);
    expect([res.status, res.body.type]).to.deep.equal([401, 'urn:auth-service:problem:invalid-credentials']);
    expect((await login(NEW_PASSWORD)).status).to.equal(401);
  });

  it('changes the password with the password and a TOTP code', async () => {
    const res = await t.http().put('/users/me/password').set('Authorization', bearer()).send({ currentPassword: account.password, newPassword: NEW_PASSWORD, code: await account.app.next() });
    expect(res.status, JSON.stringify(res.body)).to.equal(204);
    expect((await login(NEW_PASSWORD)).status).to.equal(403);
  });

  it('answers a new enrolment while TOTP is on with 409', async () => {
    const res = await t.http().post('/users/me/mfa/totp').set('Authorization', bearer()).send({ currentPassword: account.password });
    await expectMatchesContract(res);
    expect(res.status).to.equal(409);
  });

  it('makes new recovery codes with the password and a recovery code: the old codes stop working', async () => {
    const res = await t.http().post('/users/me/mfa/recovery-codes').set('Authorization', bearer()).send({ currentPassword: account.password, code: account.recoveryCodes[0] });
    await expectMatchesContract(res);
    expect([res.status, res.body.recoveryCodes.length]).to.deep.equal([200, 10]);
    const old = await t.http().post('/auth/login/mfa').send({ mfaToken: await mfaTokenOf(t, account), recoveryCode: account.recoveryCodes[1] });
    const fresh = await t.http().post('/auth/login/mfa').send({ mfaToken: await mfaTokenOf(t, account), recoveryCode: res.body.recoveryCodes[0] });
    expect([old.status, fresh.status]).to.deep.equal([401, 200]);
  });

  it('turns TOTP off with the password and a code: the next login is one step again', async () => {
    const without = await t.http().delete('/users/me/mfa/totp').set('Authorization', bearer()).send({ currentPassword: account.password });
    const res = await t.http().delete('/users/me/mfa/totp').set('Authorization', bearer()).send({ currentPassword: account.password, code: await account.app.next() });
    await expectMatchesContract(res);
    expect([without.status, res.status]).to.deep.equal([401, 204]);
    expect((await login(account.password)).status).to.equal(200);
    const rows = await Promise.all(['totp_factors', 'recovery_codes'].map((table) => t.query(`SELECT * FROM ${table} WHERE user_id = ?`, [account.user.id])));
    expect(rows).to.deep.equal([[], []]);
  });

  it('answers new recovery codes for an account without TOTP with 409', async () => {
    const plain = await registerAndLogin(t);
    const res = await t.http().post('/users/me/mfa/recovery-codes').set('Authorization', `Bearer ${plain.access_token}`).send({ currentPassword: plain.password });
    await expectMatchesContract(res);
    expect(res.status).to.equal(409);
  });
});

describe(`TOTP: a password reset needs a code too (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  before(async () => {
    s = await startRecoveryScenario({ RECOVERY_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_EMAIL: '1000' });
  });
  after(async () => {
    await s?.stop();
  });

  it('answers a confirm without `code` with 403 mfa-required (methods, no mfaToken); the link then works with a code', async () => {
    const account = await enableTotp(s.t, await registerAndLogin(s.t, undefined, TEST_PASSWORD));
    await s.requestReset(account.user.email).expect(202);
    const token = lastLinkToken(await s.mailsTo(account.user.email, 'reset-password'), 'reset-password');
    const confirm = (body: object) => s.t.http().post('/auth/password-reset/confirm').send({ token, newPassword: NEW_PASSWORD, ...body });
    const refused = await confirm({});
    await expectMatchesContract(refused);
    expect([refused.status, refused.body.type, refused.body.methods, refused.body.mfaToken]).to.deep.equal([403, 'urn:auth-service:problem:mfa-required', ['totp', 'recovery_code'], undefined]);
    const wrong = await confirm({ code: account.app.wrongCode() });
    expect(wrong.status).to.equal(401);
    const done = await confirm({ code: await account.app.next() });
    expect(done.status, JSON.stringify(done.body)).to.equal(204);
    expect((await s.t.http().post('/auth/login').send({ email: account.user.email, password: NEW_PASSWORD })).status).to.equal(403);
  });
});
