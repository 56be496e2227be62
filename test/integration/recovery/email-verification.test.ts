import { expect } from 'chai';
import { only } from '../../unit/support/only.js';
import { TEST_PASSWORD, uniqueEmail, type TokenResponse } from '../support/accounts.js';
import { expectProblem, JSON_UTF8 } from '../support/problems.js';
import { withBearer } from '../support/session-flow.js';
import { databaseKind } from '../support/test-database.js';
import { WRONG_PASSWORD } from '../support/throttle-answers.js';
import { APP_BASE_URL, MAIL_FROM, lastLinkToken, linkTokenIn, outboxRowsTo, startRecoveryScenario, type RecoveryScenario } from './recovery-scenario.js';

const GENEROUS = { RECOVERY_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_EMAIL: '1000' };

describe(`e-mail verification by mail, end to end (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  const confirm = (token: string) => s.t.http().post('/auth/verify-email/confirm').send({ token });
  const requestLink = (accessToken: string) => s.t.http().post('/auth/verify-email').set('Authorization', `Bearer ${accessToken}`);
  async function logIn(email: string): Promise<TokenResponse> {
    const res = await s.t.http().post('/auth/login').send({ email, password: TEST_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body as TokenResponse;
  }

  before(async () => {
    s = await startRecoveryScenario(GENEROUS);
  });
  after(async () => {
    await s?.stop();
  });

  describe('at registration (SMTP configured)', () => {
    it('mails a verification link {APP_BASE_URL}/verify-email#token=<token>, from MAIL_FROM, in both parts', async () => {
      const email = await s.register();
      const mail = only(await s.mailsTo(email, 'verify-email'));
      const token = linkTokenIn(mail.text, 'verify-email');
      expect([mail.envelopeFrom, mail.to, mail.headers.get('subject')]).to.deep.equal([MAIL_FROM, email, 'Confirm your e-mail address']);
      expect(mail.html).to.include(`href="${APP_BASE_URL}/verify-email#token=${token}"`);
    });

    it('leaves the account unverified until the link is followed', async () => {
      const email = await s.register();
      const me = await withBearer(s.t, (await logIn(email)).access_token);
      expect([me.body.emailVerified, me.body.emailVerifiedAt]).to.deep.equal([false, null]);
    });
  });

  describe('on request', () => {
    let email: string;
    let accessToken: string;

    beforeEach(async () => {
      email = await s.register();
      await s.mailsTo(email, 'verify-email', 1);
      accessToken = (await logIn(email)).access_token;
    });

    it('answers 202 and mails another link', async () => {
      const res = await requestLink(accessToken);
      expect([res.status, res.headers['content-type']]).to.deep.equal([202, JSON_UTF8]);
      expect(await s.mailsTo(email, 'verify-email', 2)).to.have.lengthOf(2);
    });

    it('supersedes the link mailed at registration', async () => {
      await requestLink(accessToken).expect(202);
      const [first, second] = (await s.mailsTo(email, 'verify-email', 2)).map((mail) => linkTokenIn(mail.text, 'verify-email'));
      expectProblem(await confirm(first!), 400);
      expect((await confirm(second!)).status).to.equal(204);
    });

    it('refuses a request without a bearer token with 401', async () => {
      const res = await s.t.http().post('/auth/verify-email');
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).to.match(/^Bearer/);
    });
  });

  describe('confirmed with the mailed token', () => {
    let email: string;
    let token: string;
    let answer: Awaited<ReturnType<typeof confirm>>;
    let confirmedAt: { from: number; to: number };

    beforeEach(async () => {
      email = await s.register();
      token = lastLinkToken(await s.mailsTo(email, 'verify-email'), 'verify-email');
      const from = Date.now();
      answer = await confirm(token);
      confirmedAt = { from, to: Date.now() };
    });

    it('answers 204 with no body', () => {
      expect([answer.status, answer.text]).to.deep.equal([204, '']);
    });

    it('shows emailVerified true and emailVerifiedAt, the time of the confirmation, on GET /users/me', async () => {
      const me = await withBearer(s.t, (await logIn(email)).access_token);
      expect(me.body.emailVerified).to.equal(true);
      expect(me.body.emailVerifiedAt).to.be.a('string');
      expect(Date.parse(me.body.emailVerifiedAt)).to.be.within(confirmedAt.from - 1, confirmedAt.to + 1);
    });

    it('refuses the same token a second time with a 400 problem', async () => {
      expectProblem(await confirm(token), 400);
    });

    it('answers a later request 202 but mails nothing to the verified address', async () => {
      const before = (await outboxRowsTo(s.t, email)).length;
      await requestLink((await logIn(email)).access_token).expect(202);
      expect((await outboxRowsTo(s.t, email)).length).to.equal(before);
    });
  });

  it('refuses a password reset token at the verification route with 400', async () => {
    const email = await s.register();
    await s.requestReset(email).expect(202);
    const resetToken = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
    expectProblem(await confirm(resetToken), 400);
  });
});

describe(`REQUIRE_VERIFIED_EMAIL=true (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  const login = (email: string, password = TEST_PASSWORD) => s.t.http().post('/auth/login').send({ email, password });

  before(async () => {
    s = await startRecoveryScenario({ ...GENEROUS, REQUIRE_VERIFIED_EMAIL: 'true' });
  });
  after(async () => {
    await s?.stop();
  });

  it('refuses the login of an unverified account with a 403 problem that says why', async () => {
    const email = await s.register();
    const res = await login(email);
    expectProblem(res, 403);
    expect(`${res.body.title} ${res.body.detail}`).to.match(/not verified/i);
  });

  it('answers a wrong password for an unverified account with 401, revealing nothing about verification', async () => {
    const email = await s.register();
    const res = await login(email, WRONG_PASSWORD);
    expectProblem(res, 401);
    expect(JSON.stringify(res.body)).not.to.match(/verif/i);
  });

  it('logs the account in (200) once its address is verified', async () => {
    const email = await s.register();
    const token = lastLinkToken(await s.mailsTo(email, 'verify-email'), 'verify-email');
    await s.t.http().post('/auth/verify-email/confirm').send({ token }).expect(204);
    expect((await login(email)).status).to.equal(200);
  });

  it('logs the account in (200) after a password reset, which proves the address too', async () => {
    const email = await s.register();
    await s.requestReset(email).expect(202);
    const token = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
    const newPassword = 'another passphrase that is long enough';
    await s.t.http().post('/auth/password-reset/confirm').send({ token, newPassword }).expect(204);
    expect((await login(email, newPassword)).status).to.equal(200);
  });

  it('answers an unknown address with 401, as always', async () => {
    expectProblem(await login(uniqueEmail('nobody')), 401);
  });
});
