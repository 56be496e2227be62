import { expect } from 'chai';
import { only } from '../../unit/support/only.js';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail, type LoggedIn } from '../support/accounts.js';
import { expectProblem, JSON_UTF8 } from '../support/problems.js';
import { problemWithoutRequestId, refresh, sha256Hex, withBearer } from '../support/session-flow.js';
import type { ReceivedMail } from '../support/smtp-stand-in.js';
import { databaseKind } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';
import { APP_BASE_URL, MAIL_FROM, NEW_PASSWORD, lastLinkToken, linkTokenIn, outboxRowsTo, startRecoveryScenario, type RecoveryScenario } from './recovery-scenario.js';

const GENEROUS = { RECOVERY_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_EMAIL: '1000' };

describe(`password reset by mail, end to end (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  const confirm = (token: string, newPassword = NEW_PASSWORD) => s.t.http().post('/auth/password-reset/confirm').send({ token, newPassword });
  const login = (email: string, password: string) => s.t.http().post('/auth/login').send({ email, password });

  before(async () => {
    s = await startRecoveryScenario(GENEROUS);
  });
  after(async () => {
    await s?.stop();
  });

  it('answers 202 with one and the same body for a registered and an unknown address', async () => {
    const registered = await s.requestReset(await s.register());
    const unknown = await s.requestReset(uniqueEmail('nobody'));
    expect([registered.status, registered.headers['content-type'], registered.body]).to.deep.equal([202, JSON_UTF8, unknown.body]);
    expect([unknown.status, unknown.headers['content-type']]).to.deep.equal([202, JSON_UTF8]);
  });

  it('queues no mail for an unknown address', async () => {
    const nobody = uniqueEmail('nobody');
    await s.requestReset(nobody).expect(202);
    expect(await outboxRowsTo(s.t, nobody)).to.deep.equal([]);
  });

  describe('the mail', () => {
    let email: string;
    let mail: ReceivedMail;

    before(async () => {
      email = await s.register(uniqueEmail('Mixed.Case'));
      await s.requestReset(email).expect(202);
      mail = only(await s.mailsTo(email, 'reset-password'));
    });

    it('comes from MAIL_FROM, in the envelope and the From header', () => {
      expect([mail.envelopeFrom, mail.headers.get('from')]).to.deep.equal([MAIL_FROM, MAIL_FROM]);
    });

    it('goes to the address as registered, in the envelope and the To header', () => {
      expect([mail.envelopeTo, mail.to]).to.deep.equal([[email], email]);
    });

    it('says what it is about', () => {
      expect(mail.headers.get('subject')).to.equal('Reset your password');
    });

    it('has a text and an HTML part, both holding the link {APP_BASE_URL}/reset-password#token=<token>', () => {
      const token = linkTokenIn(mail.text, 'reset-password');
      expect(token).to.match(/^[A-Za-z0-9_-]{43,}$/);
      expect(mail.html).to.include(`href="${APP_BASE_URL}/reset-password#token=${token}"`);
    });

    it('is stored as sent, its bodies (which held the link) cleared', async () => {
      const rows = await waitFor('the reset mail row marked sent', async () => {
        const found = (await outboxRowsTo(s.t, email)).filter((row) => row.subject === 'Reset your password');
        return found.every((row) => row.status === 'sent') && found;
      });
      expect(rows.map((r) => [r.status, r.text_body, r.html_body, Number(r.attempts)])).to.deep.equal([['sent', null, null, 1]]);
    });
  });

  describe('confirmed with the mailed token', () => {
    let email: string;
    let before: LoggedIn;
    let token: string;
    let answer: Awaited<ReturnType<typeof confirm>>;

    beforeEach(async () => {
      email = uniqueEmail();
      before = await registerAndLogin(s.t, email);
      await s.requestReset(email).expect(202);
      token = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
      answer = await confirm(token);
    });

    it('answers 204 with no body', () => {
      expect([answer.status, answer.text]).to.deep.equal([204, '']);
    });

    it('refuses the old password (401) and accepts the new one (200)', async () => {
      expect([(await login(email, TEST_PASSWORD)).status, (await login(email, NEW_PASSWORD)).status]).to.deep.equal([401, 200]);
    });

    it('ends the sessions begun before: their refresh token is refused with 401', async () => {
      expect((await refresh(s.t, before.refresh_token)).status).to.equal(401);
    });

    it('refuses the access tokens issued before with 401', async () => {
      expect((await withBearer(s.t, before.access_token)).status).to.equal(401);
    });

    it('counts the address as verified', async () => {
      const fresh = await login(email, NEW_PASSWORD);
      const me = await withBearer(s.t, fresh.body.access_token);
      expect(me.body.emailVerified).to.equal(true);
    });

    it('refuses the same token a second time with a 400 problem', async () => {
      expectProblem(await confirm(token, `${NEW_PASSWORD} again`), 400);
    });
  });

  it('answers a refused new password with 422 on /newPassword and leaves the link usable', async () => {
    const email = await s.register();
    await s.requestReset(email).expect(202);
    const token = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
    const refused = await confirm(token, 'short');
    expectProblem(refused, 422);
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).to.include('/newPassword');
    expect((await confirm(token)).status).to.equal(204);
  });

  it('lets a second request supersede the first link: the first is refused (400), the second works (204)', async () => {
    const email = await s.register();
    await s.requestReset(email).expect(202);
    await s.mailsTo(email, 'reset-password', 1);
    await s.requestReset(email).expect(202);
    const mails = await s.mailsTo(email, 'reset-password', 2);
    const [first, second] = mails.map((mail) => linkTokenIn(mail.text, 'reset-password'));
    const firstAnswer = await confirm(first!);
    expectProblem(firstAnswer, 400);
    expect((await confirm(second!)).status).to.equal(204);
  });

  it('refuses an unknown token with the same 400 problem as a spent one', async () => {
    const email = await s.register();
    await s.requestReset(email).expect(202);
    const token = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
    await confirm(token).expect(204);
    const spent = await confirm(token);
    const unknown = await confirm('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expectProblem(unknown, 400);
    expect(problemWithoutRequestId(unknown)).to.deep.equal(problemWithoutRequestId(spent));
  });

  it('keeps only the SHA-256 (hex) of the mailed token in account_tokens, never the token', async () => {
    const email = await s.register();
    await s.requestReset(email).expect(202);
    const token = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
    const rows = await s.t.query<{ token_hash: string }>(
      "SELECT t.* FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email_canonical = ? AND t.purpose = 'password_reset'",
      [email.toLowerCase()],
    );
    expect(rows.map((r) => r.token_hash)).to.deep.equal([sha256Hex(token)]);
    expect(JSON.stringify(await s.t.query('SELECT * FROM account_tokens'))).not.to.include(token);
  });
});

describe(`an expired password reset link (${databaseKind()})`, () => {
  let s: RecoveryScenario;

  before(async () => {
    s = await startRecoveryScenario({ PASSWORD_RESET_TTL: '1m' });
  });
  after(async () => {
    await s?.stop();
  });

  it('is issued with an expiry PASSWORD_RESET_TTL after the request', async () => {
    const email = await s.register();
    const requestedAt = Date.now();
    await s.requestReset(email).expect(202);
    // The token is issued by the background round that mails it, after the answer.
    await s.mailsTo(email, 'reset-password');
    const [row] = await s.t.query<{ expires_at: number | string; created_at: number | string }>(
      "SELECT t.expires_at, t.created_at FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email_canonical = ? AND t.purpose = 'password_reset'",
      [email.toLowerCase()],
    );
    expect(Number(row!.expires_at) - Number(row!.created_at)).to.equal(60_000);
    expect(Number(row!.created_at)).to.be.at.least(requestedAt - 1_000);
  });

  it('is refused with a 400 problem once its time has passed', async () => {
    const email = await s.register();
    await s.requestReset(email).expect(202);
    const token = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
    // A minute is the shortest TTL the config takes: move the expiry into the past instead of waiting.
    await s.t.query('UPDATE account_tokens SET expires_at = ? WHERE token_hash = ?', [Date.now() - 1_000, sha256Hex(token)]);
    expectProblem(await s.t.http().post('/auth/password-reset/confirm').send({ token, newPassword: NEW_PASSWORD }), 400);
  });
});
