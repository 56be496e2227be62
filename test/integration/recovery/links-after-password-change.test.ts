import { expect } from 'chai';
import { registerAndLogin, type LoggedIn } from '../support/accounts.js';
import { expectProblem } from '../support/problems.js';
import { databaseKind } from '../support/test-database.js';
import { NEW_PASSWORD, lastLinkToken, startRecoveryScenario, type LinkPage, type RecoveryScenario } from './recovery-scenario.js';

const GENEROUS = { RECOVERY_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_EMAIL: '1000' };

// A leaked link must not outlive the password it could replace: a password change or reset
// ends every outstanding link of the account, whatever it was mailed for.
describe(`outstanding mailed links after a password change or reset (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  const confirmReset = (token: string, newPassword = `${NEW_PASSWORD} too`) =>
    s.t.http().post('/auth/password-reset/confirm').send({ token, newPassword });
  const confirmVerification = (token: string) => s.t.http().post('/auth/verify-email/confirm').send({ token });
  const changePassword = (session: LoggedIn) =>
    s.t
      .http()
      .put('/users/me/password')
      .set('Authorization', `Bearer ${session.access_token}`)
      .send({ currentPassword: session.password, newPassword: NEW_PASSWORD });

  /** An account logged in once, holding one reset link and one verification link, both unused. */
  async function withBothLinks(): Promise<{ session: LoggedIn; resetLink: string; verificationLink: string }> {
    const session = await registerAndLogin(s.t);
    const email = session.user.email;
    // With SMTP configured, registration mailed a first verification link: ask for the second.
    await s.mailsTo(email, 'verify-email', 1);
    await s.t.http().post('/auth/verify-email').set('Authorization', `Bearer ${session.access_token}`).expect(202);
    await s.requestReset(email).expect(202);
    const link = async (page: LinkPage, count: number) => lastLinkToken(await s.mailsTo(email, page, count), page);
    return { session, resetLink: await link('reset-password', 1), verificationLink: await link('verify-email', 2) };
  }

  before(async () => {
    s = await startRecoveryScenario(GENEROUS);
  });
  after(async () => {
    await s?.stop();
  });

  it('refuses a reset link mailed before PUT /users/me/password with 400', async () => {
    const { session, resetLink } = await withBothLinks();
    await changePassword(session).expect(204);
    expectProblem(await confirmReset(resetLink), 400);
  });

  it('refuses a verification link mailed before PUT /users/me/password with 400', async () => {
    const { session, verificationLink } = await withBothLinks();
    await changePassword(session).expect(204);
    expectProblem(await confirmVerification(verificationLink), 400);
  });

  it('leaves the new password in force after the refused reset link', async () => {
    const { session, resetLink } = await withBothLinks();
    await changePassword(session).expect(204);
    await confirmReset(resetLink);
    const login = await s.t.http().post('/auth/login').send({ email: session.user.email, password: NEW_PASSWORD });
    expect(login.status, JSON.stringify(login.body)).to.equal(200);
  });

  it('ends the other outstanding links with a reset confirmed: the verification link answers 400', async () => {
    const { resetLink, verificationLink } = await withBothLinks();
    await confirmReset(resetLink).expect(204);
    expectProblem(await confirmVerification(verificationLink), 400);
  });
});
