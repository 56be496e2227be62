import { expect } from 'chai';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail } from './support/accounts.js';
import { fieldErrorsOf } from './support/problems.js';
import { countRows } from './support/rows.js';
import { databaseKind } from './support/test-database.js';
import { lastLinkToken, startRecoveryScenario, type RecoveryScenario } from './recovery/recovery-scenario.js';

// NIST SP 800-63B-4 §3.1.1.2: the blocklist is on without the breach API (none is set here).
const REFUSED: readonly { readonly password: string; readonly rule: string; readonly title: string }[] = [
  { password: '123456789012345', rule: 'sequential', title: '123456789012345' },
  { password: 'aaaaaaaaaaaaaaaa', rule: 'repetitive', title: 'aaaaaaaaaaaaaaaa' },
  { password: ' '.repeat(15), rule: 'repetitive', title: 'fifteen spaces' },
  { password: 'passwordpassword', rule: 'common_password', title: 'passwordpassword' },
  // Entries of the embedded list (@zxcvbn-ts/language-common), as listed and padded to 15.
  { password: 'passwordstandard', rule: 'common_password', title: 'passwordstandard, a listed password' },
  { password: 'iloveyou1234567', rule: 'common_password', title: 'iloveyou padded with digits to 15' },
  { password: 'My auth-service login!', rule: 'contains_service_name', title: "the service's own name (JWT_ISSUER)" },
];

describe(`the password blocklist over HTTP (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  before(async () => {
    s = await startRecoveryScenario({ REGISTER_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_EMAIL: '1000' });
  });
  after(async () => {
    await s?.stop();
  });

  for (const { password, rule, title } of REFUSED) {
    it(`POST /auth/register refuses ${title} with 422 naming ${rule}, and stores nothing`, async () => {
      const before = await countRows(s.t, 'users');
      const res = await s.t.http().post('/auth/register').send({ email: uniqueEmail(), password });
      expect(fieldErrorsOf(res)).to.include(`/password ${rule}`);
      expect(await countRows(s.t, 'users')).to.equal(before);
    });

    it(`PUT /users/me/password refuses ${title} with 422 naming ${rule} on /newPassword`, async () => {
      const session = await registerAndLogin(s.t);
      const res = await s.t
        .http()
        .put('/users/me/password')
        .set('Authorization', `Bearer ${session.access_token}`)
        .send({ currentPassword: session.password, newPassword: password });
      expect(fieldErrorsOf(res)).to.include(`/newPassword ${rule}`);
      expect((await s.t.http().post('/auth/login').send({ email: session.user.email, password: TEST_PASSWORD })).status).to.equal(200);
    });

    it(`POST /auth/password-reset/confirm refuses ${title} with 422 naming ${rule} on /newPassword`, async () => {
      const email = await s.register();
      await s.requestReset(email).expect(202);
      const token = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
      const res = await s.t.http().post('/auth/password-reset/confirm').send({ token, newPassword: password });
      expect(fieldErrorsOf(res)).to.include(`/newPassword ${rule}`);
    });
  }

  it('says why in each error message', async () => {
    const res = await s.t.http().post('/auth/register').send({ email: uniqueEmail(), password: 'aaaaaaaaaaaaaaaa' });
    expect(fieldErrorsOf(res)).to.deep.equal(['/password repetitive']);
    expect(res.body.errors[0].message).to.match(/repeated/);
  });

  it('accepts a passphrase of ordinary words', async () => {
    const res = await s.t.http().post('/auth/register').send({ email: uniqueEmail(), password: 'zebras quietly juggle violet plums' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
  });
});
