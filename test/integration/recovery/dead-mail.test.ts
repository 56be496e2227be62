import { expect } from 'chai';
import { uniqueEmail } from '../support/accounts.js';
import { SmtpStandIn } from '../support/smtp-stand-in.js';
import { databaseKind } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';
import { linkTokenIn, outboxRowsTo, startRecoveryScenario, type OutboxRow, type RecoveryScenario } from './recovery-scenario.js';

const REFUSAL = '5.1.1 mailbox unavailable';

describe(`a mail the server keeps refusing (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  const email = uniqueEmail('refused');
  let rows: OutboxRow[];

  before(async () => {
    const smtp = await SmtpStandIn.start();
    smtp.refuseRecipients = REFUSAL;
    s = await startRecoveryScenario({ MAIL_MAX_ATTEMPTS: '2' }, smtp);
    await s.register(email);
    await s.requestReset(email).expect(202);
    rows = await waitFor('both mails to be marked dead', async () => {
      const found = await outboxRowsTo(s.t, email);
      return found.length === 2 && found.every((row) => row.status === 'dead') && found;
    });
  });
  after(async () => {
    await s?.stop();
  });

  it('is marked dead after MAIL_MAX_ATTEMPTS attempts, the refusal kept as its last error', () => {
    for (const row of rows) {
      expect([row.status, Number(row.attempts)]).to.deep.equal(['dead', 2]);
      expect(row.last_error).to.include('550').and.to.include(REFUSAL);
    }
  });

  it('stays in the table with its bodies: nothing is silently dropped', () => {
    const reset = rows.find((row) => row.subject === 'Reset your password');
    expect(linkTokenIn(reset?.text_body ?? null, 'reset-password')).to.be.a('string');
  });

  it('is logged at error level', () => {
    const line = s.t.logs.entries.find((entry) => entry.msg === 'mail marked dead after its last attempt');
    expect(line).to.include({ level: 50 });
  });

  it('reaches nobody', () => {
    expect(s.smtp.received).to.deep.equal([]);
  });

  it('puts no token in the log', () => {
    const tokens = rows.map((row) => /#token=([A-Za-z0-9_-]+)/.exec(row.text_body ?? '')?.[1]);
    expect(tokens.every(Boolean)).to.equal(true);
    for (const token of tokens) expect(s.t.logs.text()).not.to.include(token);
  });
});
