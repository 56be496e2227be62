import { expect } from 'chai';
import type { Response } from 'supertest';
import { uniqueEmail } from '../support/accounts.js';
import type { LogEntry } from '../support/log-capture.js';
import { scrape, valueOf } from '../support/metrics-scrape.js';
import { SmtpStandIn } from '../support/smtp-stand-in.js';
import { databaseKind } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';
import { startRecoveryScenario, type RecoveryScenario } from './recovery-scenario.js';

const USERS = 8;
const SUBJECTS = ['Confirm your e-mail address', 'Reset your password'];
const isBreakerChange = (to: string) => (entry: LogEntry) =>
  entry.msg === 'circuit breaker state changed' && entry.upstream === 'smtp' && entry.to === to;

/** How often each expected mail (recipient and subject) arrived. */
function deliveriesOf(smtp: SmtpStandIn, emails: readonly string[]): number[] {
  return emails.flatMap((email) => SUBJECTS.map((subject) => smtp.to(email).filter((mail) => mail.headers.get('subject') === subject).length));
}

describe(`mail during an SMTP outage (${databaseKind()})`, function () {
  this.timeout(60_000);
  let smtp: SmtpStandIn;
  let s: RecoveryScenario;
  const emails = Array.from({ length: USERS }, () => uniqueEmail('outage'));
  let answers: Response[];
  let metricsWhileOpen: string;

  before(async () => {
    // A port with nothing listening on it: the mail server is down from the start.
    smtp = await SmtpStandIn.start();
    await smtp.stop();
    // Attempts made while the circuit is open count too: allow many, so that none dies here.
    s = await startRecoveryScenario(
      { MAIL_MAX_ATTEMPTS: '100', MAIL_RETRY_MAX: '200ms', REGISTER_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_ADDRESS: '1000' },
      smtp,
    );
    for (const email of emails) await s.register(email);
    answers = await Promise.all(emails.map((email) => s.requestReset(email)));
    await waitFor('the smtp circuit to open', () => s.t.logs.entries.some(isBreakerChange('open')));
    metricsWhileOpen = await scrape(s.t);
    await smtp.listen();
    await waitFor(
      'every mail row to be marked sent',
      async () => {
        const rows = await s.t.query<{ status: string }>('SELECT status FROM mail_outbox');
        return rows.length === USERS * 2 && rows.every((row) => row.status === 'sent');
      },
      15_000,
    );
  });
  after(async () => {
    await s?.stop();
  });

  it('answers every reset request 202 while the mail server is down', () => {
    expect(answers.map((res) => res.status)).to.deep.equal(emails.map(() => 202));
  });

  it('opens the smtp circuit, and logs the change as a warning', () => {
    const line = s.t.logs.entries.find(isBreakerChange('open'));
    expect(line).to.include({ upstream: 'smtp', to: 'open', level: 40 });
  });

  it('shows the smtp circuit open on /metrics meanwhile', () => {
    expect(valueOf(metricsWhileOpen, 'auth_breaker_state', { upstream: 'smtp', state: 'open' })).to.equal(1);
  });

  it('closes the circuit again once the server is back', () => {
    expect(s.t.logs.entries.some(isBreakerChange('closed'))).to.equal(true);
  });

  it('delivers every mail exactly once once the server is back: none lost, none twice', () => {
    expect(deliveriesOf(smtp, emails)).to.deep.equal(emails.flatMap(() => SUBJECTS.map(() => 1)));
  });

  it('receives nothing besides those mails', () => {
    expect(smtp.received).to.have.lengthOf(USERS * SUBJECTS.length);
  });

  it('marks no mail dead', async () => {
    expect(await s.t.query("SELECT id FROM mail_outbox WHERE status = 'dead'")).to.deep.equal([]);
  });
});
