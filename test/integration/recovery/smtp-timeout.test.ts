import { expect } from 'chai';
import { SmtpStandIn } from '../support/smtp-stand-in.js';
import { databaseKind } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';
import { MAIL_ENV, outboxRowsTo, startRecoveryScenario, type OutboxRow, type RecoveryScenario } from './recovery-scenario.js';

// Two replies 300 ms late each: every one within the client's 500 ms inactivity timeout
// (BREAKER_TIMEOUT_MS), the whole exchange past the breaker's 500 ms.
const SLOW_REPLY_MS = 300;

describe(`a mail server slower than BREAKER_TIMEOUT_MS (${databaseKind()})`, function () {
  this.timeout(30_000);
  let smtp: SmtpStandIn;
  let s: RecoveryScenario;
  let email: string;
  let rows: OutboxRow[];
  const resetMails = () => smtp.to(email).filter((mail) => mail.headers.get('subject') === 'Reset your password');

  before(async () => {
    expect(Number(MAIL_ENV.BREAKER_TIMEOUT_MS)).to.be.below(2 * SLOW_REPLY_MS).and.above(SLOW_REPLY_MS);
    smtp = await SmtpStandIn.start();
    s = await startRecoveryScenario({}, smtp);
    email = await s.register();
    await s.mailsTo(email, 'verify-email');
    smtp.slowDown(1, SLOW_REPLY_MS);
    await s.requestReset(email).expect(202);
    rows = await waitFor('the reset mail row marked sent', async () => {
      const found = (await outboxRowsTo(s.t, email)).filter((row) => row.subject === 'Reset your password');
      return found.length === 1 && found[0]!.status === 'sent' && found;
    });
    // The abandoned attempt's connection has ended, however it ended: nothing more can arrive by it.
    await waitFor('the slowed session to end', () => smtp.slowSessionsEnded === 1);
  });
  after(async () => {
    await s?.stop();
  });

  it('receives the reset mail once: the attempt that timed out is abandoned, not delivered late beside its retry', () => {
    expect(resetMails()).to.have.lengthOf(1);
  });

  it('counts two attempts: the one abandoned and the retry that delivered it', () => {
    expect(rows.map((row) => Number(row.attempts))).to.deep.equal([2]);
  });
});
