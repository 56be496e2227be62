import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { SmtpStandIn } from '../support/smtp-stand-in.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { waitFor } from '../support/wait-for.js';
import { MAIL_ENV } from './recovery-scenario.js';

const MAILS = 10;
const GENEROUS = { REGISTER_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_ADDRESS: '1000' };

describe(`two services on one database, both sending the outbox (${databaseKind()})`, function () {
  this.timeout(40_000);
  const emails = Array.from({ length: MAILS }, () => uniqueEmail('shared'));
  let smtp: SmtpStandIn;
  let a: TestService | undefined;
  let b: TestService | undefined;

  const resetMailsTo = (email: string) => smtp.to(email).filter((mail) => mail.headers.get('subject') === 'Reset your password');
  const allSent = async (subject: string) => {
    const rows = await a!.query<{ status: string }>('SELECT status FROM mail_outbox WHERE subject = ?', [subject]);
    return rows.length === MAILS && rows.every((row) => row.status === 'sent');
  };

  before(async () => {
    smtp = await SmtpStandIn.start();
    a = await startTestService({ SMTP_URL: smtp.url, ...MAIL_ENV, ...GENEROUS });
    b = await startTestService({ SMTP_URL: smtp.url, ...MAIL_ENV, ...GENEROUS, DATABASE_URL: a.databaseUrl });
    const services = [a, b];
    for (const [n, email] of emails.entries()) {
      await services[n % 2]!.http().post('/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
    }
    await waitFor('the verification mails to be sent', () => allSent('Confirm your e-mail address'), 15_000);
    // All ten at once, half through each service, so that both senders find them due together.
    const answers = await Promise.all(emails.map((email, n) => services[n % 2]!.http().post('/auth/password-reset').send({ email })));
    expect(answers.map((res) => res.status)).to.deep.equal(emails.map(() => 202));
    await waitFor('the reset mails to be sent', () => allSent('Reset your password'), 15_000);
  });
  after(async () => {
    await b?.stop();
    await a?.stop();
    await smtp?.stop();
  });

  it('delivers each of the ten reset mails exactly once', () => {
    expect(emails.map((email) => resetMailsTo(email).length)).to.deep.equal(emails.map(() => 1));
  });

  it('delivers each verification mail exactly once too', () => {
    expect(smtp.received).to.have.lengthOf(MAILS * 2);
  });

  it('counts one attempt per mail', async () => {
    const rows = await a!.query<{ attempts: number | string }>('SELECT attempts FROM mail_outbox');
    expect(rows.map((row) => Number(row.attempts))).to.deep.equal(rows.map(() => 1));
  });
});
