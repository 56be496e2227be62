import { expect } from 'chai';
import { uniqueEmail } from '../support/accounts.js';
import { databaseKind } from '../support/test-database.js';
import type { TestService } from '../support/test-service.js';
import { waitFor } from '../support/wait-for.js';
import { NEW_PASSWORD, lastLinkToken, outboxRowsTo, startRecoveryScenario, type RecoveryScenario } from './recovery-scenario.js';

const GENEROUS = { RECOVERY_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_EMAIL: '1000' };
const RESET_SUBJECT = 'Reset your password';

const requestRowsFor = (t: TestService, email: string) =>
  t.query<{ email: string }>('SELECT email FROM password_reset_requests WHERE email = ?', [email]);
const resetTokensOf = (t: TestService, email: string) =>
  t.query("SELECT t.token_hash FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email_canonical = ? AND t.purpose = 'password_reset'", [
    email.toLowerCase(),
  ]);
const resetMailRowsTo = async (t: TestService, email: string) => (await outboxRowsTo(t, email)).filter((row) => row.subject === RESET_SUBJECT);

describe(`a password reset request before any background round (${databaseKind()})`, () => {
  let s: RecoveryScenario;

  before(async () => {
    // No round runs within the test: what is stored is what the request itself did.
    s = await startRecoveryScenario({ ...GENEROUS, MAIL_POLL_INTERVAL: '1h' });
  });
  after(async () => {
    await s?.stop();
  });

  it('does the same for a registered and an unknown address before answering: one request row each, no token, no mail', async () => {
    const registered = await s.register();
    const nobody = uniqueEmail('nobody');
    await s.requestReset(registered).expect(202);
    await s.requestReset(nobody).expect(202);
    const rows = [...(await requestRowsFor(s.t, registered)), ...(await requestRowsFor(s.t, nobody))];
    expect(rows.map((row) => row.email)).to.deep.equal([registered, nobody]);
    expect([await resetTokensOf(s.t, registered), await resetMailRowsTo(s.t, registered), await outboxRowsTo(s.t, nobody)]).to.deep.equal([[], [], []]);
  });
});

describe(`password reset requests resolved in the background (${databaseKind()})`, () => {
  let s: RecoveryScenario;

  before(async () => {
    s = await startRecoveryScenario(GENEROUS);
  });
  after(async () => {
    await s?.stop();
  });

  it('writes no mail for an unknown address and leaves no request row holding it after a round', async () => {
    const nobody = uniqueEmail('nobody');
    await s.requestReset(nobody).expect(202);
    await waitFor('the request to be resolved', async () => (await requestRowsFor(s.t, nobody)).length === 0);
    expect(await outboxRowsTo(s.t, nobody)).to.deep.equal([]);
  });

  it('delivers one working link to a registered address and leaves no request row', async () => {
    const email = await s.register();
    await s.requestReset(email).expect(202);
    const token = lastLinkToken(await s.mailsTo(email, 'reset-password'), 'reset-password');
    await waitFor('the reset mail row marked sent', async () => (await resetMailRowsTo(s.t, email)).every((row) => row.status === 'sent'));
    expect([s.smtp.to(email).filter((mail) => mail.headers.get('subject') === RESET_SUBJECT).length, await requestRowsFor(s.t, email)]).to.deep.equal([1, []]);
    await s.t.http().post('/auth/password-reset/confirm').send({ token, newPassword: NEW_PASSWORD }).expect(204);
  });
});
