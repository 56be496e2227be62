import { expect } from 'chai';
import type { OutgoingMail } from '../../../src/application/ports/outgoing-mail.js';
import { codeAt } from '../fakes/fake-totp-calculator.js';
import { NEW_PASSWORD, recoveryFixture, tokenIssued } from '../recovery/recovery-fixture.js';
import { rejectionOf } from '../support/rejection-of.js';
import { ACTIVE_SECRET, IP, NOW, PASSWORD, ann, secondFactorFixture, type SecondFactorFixture } from '../support/second-factor-fixture.js';

/** What the owner sees of a notice: to whom, about what, and whether it holds a link or anything like a token. */
function seen(mail: OutgoingMail | undefined) {
  return mail && { to: mail.to, subject: mail.subject, linkOrToken: /https?:|#token|token=|secret-\d/.test(mail.text + mail.html) };
}

describe('notices to the owner', () => {
  let f: SecondFactorFixture;
  beforeEach(async () => {
    f = await secondFactorFixture();
  });

  it('mails the owner "Your password was changed", without a link, when the password changes', async () => {
    await f.changePassword.execute({ principal: ann, currentPassword: PASSWORD, newPassword: 'a brand new passphrase here', ip: IP });
    expect(f.tokens.mails.map(seen)).to.deep.equal([{ to: 'ann@example.com', subject: 'Your password was changed', linkOrToken: false }]);
  });

  it('mails nothing when the password change is refused', async () => {
    await rejectionOf(f.changePassword.execute({ principal: ann, currentPassword: 'not the password at all', newPassword: 'a brand new passphrase here', ip: IP }));
    expect(f.tokens.mails).to.deep.equal([]);
  });

  it('mails the owner "Your password was changed" when a reset link sets a new one', async () => {
    const r = await recoveryFixture();
    await r.resetPassword.execute({ token: await tokenIssued(r, 'secret-reset'), newPassword: NEW_PASSWORD });
    expect(seen(r.tokens.mails.at(-1))).to.deep.equal({ to: 'Ann@example.com', subject: 'Your password was changed', linkOrToken: false });
  });

  it('mails the owner "A second factor was added to your account" when TOTP is turned on', async () => {
    await f.enrol.execute({ principal: ann, currentPassword: PASSWORD, ip: IP });
    await f.confirm.execute({ principal: ann, code: codeAt('SECRET1', NOW) });
    expect(f.tokens.mails.map(seen)).to.deep.equal([{ to: 'ann@example.com', subject: 'A second factor was added to your account', linkOrToken: false }]);
  });

  it('mails the owner "A second factor was removed from your account" when TOTP is turned off', async () => {
    f.activate();
    await f.disable.execute({ principal: ann, currentPassword: PASSWORD, code: codeAt(ACTIVE_SECRET, NOW), ip: IP, userAgent: null });
    expect(f.tokens.mails.map(seen)).to.deep.equal([{ to: 'ann@example.com', subject: 'A second factor was removed from your account', linkOrToken: false }]);
  });

  it('mails nothing when turning TOTP off is refused', async () => {
    f.activate();
    await rejectionOf(f.disable.execute({ principal: ann, currentPassword: PASSWORD, ip: IP, userAgent: null }));
    expect(f.tokens.mails).to.deep.equal([]);
  });

  it('mails the old address "Your e-mail address is being changed", without a link, when a change is asked for', async () => {
    await f.requestEmailChange.execute({ principal: ann, newEmail: 'ann.new@example.com', currentPassword: PASSWORD, ip: IP, userAgent: null });
    expect(seen(f.tokens.mails.find((mail) => mail.to === 'ann@example.com'))).to.deep.equal({ to: 'ann@example.com', subject: 'Your e-mail address is being changed', linkOrToken: false });
  });
});
