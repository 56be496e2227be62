import { expect } from 'chai';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail, type TokenResponse } from '../support/accounts.js';
import { enableTotp } from '../support/authenticator.js';
import { expectProblem } from '../support/problems.js';
import { withBearer } from '../support/session-flow.js';
import type { ReceivedMail } from '../support/smtp-stand-in.js';
import { databaseKind } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';
import { APP_BASE_URL, NEW_PASSWORD, lastLinkToken, outboxRowsTo, startRecoveryScenario, type RecoveryScenario } from '../recovery/recovery-scenario.js';

const GENEROUS = { RECOVERY_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_EMAIL: '1000' };
const CONFIRM_LINK = new RegExp(`${APP_BASE_URL.replace(/[.]/g, '\\.')}/confirm-email#token=([A-Za-z0-9_-]+)`);

describe(`e-mail change and notices to the owner, end to end (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  const logIn = (email: string, password = TEST_PASSWORD) => s.t.http().post('/auth/login').send({ email, password });
  async function session(email: string, password = TEST_PASSWORD): Promise<TokenResponse> {
    const res = await logIn(email, password);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body as TokenResponse;
  }
  const change = (accessToken: string, body: object) => s.t.http().post('/users/me/email').set('Authorization', `Bearer ${accessToken}`).send(body);
  const confirm = (token: string) => s.t.http().post('/users/me/email/confirm').send({ token });
  /** Waits (bounded) for `count` mails to `to` with this subject. */
  const mailsTitled = (to: string, subject: string, count = 1): Promise<ReceivedMail[]> => {
    const arrived = () => s.smtp.to(to).filter((mail) => mail.headers.get('subject') === subject);
    return waitFor(`${count} "${subject}" mail(s) to ${to}`, () => arrived().length >= count && arrived());
  };
  const confirmTokenIn = (mail: ReceivedMail) => CONFIRM_LINK.exec(mail.text ?? '')![1]!;
  /** A notice as the owner sees it, and as the outbox row holds it: nothing to click, nothing secret. */
  async function expectNotice(to: string, subject: string): Promise<void> {
    const [mail] = await mailsTitled(to, subject);
    expect(`${mail!.text}${mail!.html}`).not.to.match(/https?:|token/i);
    const rows = (await outboxRowsTo(s.t, to)).filter((row) => row.subject === subject);
    expect(rows.map((row) => [row.recipient, row.subject, /https?:|token/i.test(`${row.text_body}${row.html_body}`)])).to.deep.equal([[to, subject, false]]);
  }

  before(async () => {
    s = await startRecoveryScenario(GENEROUS);
  });
  after(async () => {
    await s?.stop();
  });

  it('moves the account: link to the new address, notice to the old; the new one signs in, the old one is free, the session lives on', async () => {
    const old = await s.register();
    const fresh = uniqueEmail('moved');
    const before = await session(old);
    const res = await change(before.access_token, { newEmail: fresh, currentPassword: TEST_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).to.equal(202);
    const [link] = await mailsTitled(fresh, 'Confirm your new e-mail address');
    await expectNotice(old, 'Your e-mail address is being changed');
    expect((await confirm(confirmTokenIn(link!))).status).to.equal(204);
    const me = await withBearer(s.t, before.access_token);
    expect([me.status, me.body.email, me.body.emailVerified]).to.deep.equal([200, fresh, true]);
    expect([(await logIn(fresh)).status, (await logIn(old)).status]).to.deep.equal([200, 401]);
    expect((await s.t.http().post('/auth/register').send({ email: old, password: TEST_PASSWORD })).status).to.equal(201);
    expect((await s.t.http().post('/auth/refresh').send({ refreshToken: before.refresh_token })).status).to.equal(200);
  });

  it('refuses a wrong password with 401 and mails nothing', async () => {
    const email = await s.register();
    const fresh = uniqueEmail('nowhere');
    expectProblem(await change((await session(email)).access_token, { newEmail: fresh, currentPassword: 'not the password at all' }), 401);
    expect(await outboxRowsTo(s.t, fresh)).to.deep.equal([]);
  });

  it('refuses an account with TOTP without `code` with 401', async () => {
    const account = await enableTotp(s.t, await registerAndLogin(s.t));
    expectProblem(await change(account.access_token, { newEmail: uniqueEmail('totp'), currentPassword: TEST_PASSWORD }), 401);
  });

  it('refuses an invalid address with 422', async () => {
    const email = await s.register();
    expectProblem(await change((await session(email)).access_token, { newEmail: 'not an address', currentPassword: TEST_PASSWORD }), 422);
  });

  it('refuses an address another account holds with 409', async () => {
    const [ann, bob] = [await s.register(), await s.register()];
    expectProblem(await change((await session(ann)).access_token, { newEmail: bob.toUpperCase(), currentPassword: TEST_PASSWORD }), 409);
  });

  it('refuses a used link and a superseded one with 400', async () => {
    const email = await s.register();
    const { access_token } = await session(email);
    const [first, second] = [uniqueEmail('first'), uniqueEmail('second')];
    await change(access_token, { newEmail: first, currentPassword: TEST_PASSWORD }).expect(202);
    await change(access_token, { newEmail: second, currentPassword: TEST_PASSWORD }).expect(202);
    const superseded = confirmTokenIn((await mailsTitled(first, 'Confirm your new e-mail address'))[0]!);
    const latest = confirmTokenIn((await mailsTitled(second, 'Confirm your new e-mail address'))[0]!);
    expectProblem(await confirm(superseded), 400);
    expect((await confirm(latest)).status).to.equal(204);
    expectProblem(await confirm(latest), 400);
  });

  it('lets exactly one of two accounts racing for one address have it; the other confirm is 409', async () => {
    const [ann, bob] = [await s.register(), await s.register()];
    const shared = uniqueEmail('shared');
    await change((await session(ann)).access_token, { newEmail: shared, currentPassword: TEST_PASSWORD }).expect(202);
    await change((await session(bob)).access_token, { newEmail: shared, currentPassword: TEST_PASSWORD }).expect(202);
    const tokens = (await mailsTitled(shared, 'Confirm your new e-mail address', 2)).map(confirmTokenIn);
    const answers = await Promise.all(tokens.map(confirm));
    expect(answers.map((res) => res.status).sort()).to.deep.equal([204, 409]);
    expectProblem(answers.find((res) => res.status === 409)!, 409);
    expect([[(await logIn(ann)).status, (await logIn(bob)).status].sort(), (await logIn(shared)).status]).to.deep.equal([[200, 401], 200]);
  });

  it('refuses at confirm with 409 an address registered meanwhile', async () => {
    const email = await s.register();
    const taken = uniqueEmail('taken');
    await change((await session(email)).access_token, { newEmail: taken, currentPassword: TEST_PASSWORD }).expect(202);
    const token = confirmTokenIn((await mailsTitled(taken, 'Confirm your new e-mail address'))[0]!);
    await s.register(taken);
    expectProblem(await confirm(token), 409);
    expect((await logIn(email)).status).to.equal(200);
  });

  describe('notices', () => {
    it('mails the owner "Your password was changed" after PUT /users/me/password', async () => {
      const email = await s.register();
      await s.t.http().put('/users/me/password').set('Authorization', `Bearer ${(await session(email)).access_token}`).send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(204);
      await expectNotice(email, 'Your password was changed');
    });

    it('mails the owner "Your password was changed" after a reset', async () => {
      const email = await s.register();
      await s.requestReset(email).expect(202);
      const token = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
      await s.t.http().post('/auth/password-reset/confirm').send({ token, newPassword: NEW_PASSWORD }).expect(204);
      await expectNotice(email, 'Your password was changed');
    });

    it('mails the owner when TOTP is turned on, and when it is turned off', async () => {
      const account = await enableTotp(s.t, await registerAndLogin(s.t));
      const email = account.user.email;
      await expectNotice(email, 'A second factor was added to your account');
      await s.t.http().delete('/users/me/mfa/totp').set('Authorization', `Bearer ${account.access_token}`).send({ currentPassword: TEST_PASSWORD, code: await account.app.next() }).expect(204);
      await expectNotice(email, 'A second factor was removed from your account');
    });
  });
});
