import { expect } from 'chai';
import { EmailAlreadyRegistered, InvalidCredentials, InvalidEmail } from '../../../src/domain/errors.js';
import { codeAt } from '../fakes/fake-totp-calculator.js';
import { rejectionOf } from '../support/rejection-of.js';
import { ACTIVE_SECRET, IP, NOW, PASSWORD, ann, secondFactorFixture, type SecondFactorFixture } from '../support/second-factor-fixture.js';

export const APP = 'https://app.example.com';
const LINK = /https:\/\/app\.example\.com\/confirm-email#token=([A-Za-z0-9_-]+)/;

describe('RequestEmailChange', () => {
  let f: SecondFactorFixture;
  const request = (body: { newEmail?: string; currentPassword?: string; code?: string } = {}) =>
    f.requestEmailChange.execute({ principal: ann, newEmail: body.newEmail ?? 'Ann.New@Example.com', currentPassword: body.currentPassword ?? PASSWORD, code: body.code, ip: IP, userAgent: null });

  beforeEach(async () => {
    f = await secondFactorFixture();
  });

  it('mails a confirm-email link to the new address, valid 24 hours, and a notice without any link to the old one', async () => {
    await request();
    const [link, notice] = f.tokens.mails;
    expect([f.tokens.mails.length, link?.to, LINK.test(link!.text), link?.html.includes('href="https://app.example.com/confirm-email#token=')]).to.deep.equal([2, 'Ann.New@example.com', true, true]);
    expect([notice?.to, /https?:|token|#/.test(notice!.text + notice!.html)]).to.deep.equal(['ann@example.com', false]);
    const token = LINK.exec(link!.text)![1]!;
    expect(f.tokens.recordOf(token)).to.include({ userId: 'user-1', purpose: 'email_change' });
    expect(f.tokens.recordOf(token)?.expiresAt.getTime()).to.equal(NOW.getTime() + 24 * 3_600_000);
  });

  it('leaves the address as it is until the link is followed', async () => {
    await request();
    expect((await f.users.findById('user-1'))?.email.value).to.equal('ann@example.com');
  });

  it('refuses a wrong password with InvalidCredentials, counted as a failed login, and mails nothing', async () => {
    const error = await rejectionOf(request({ currentPassword: 'not the password at all' }));
    expect(error).to.be.instanceOf(InvalidCredentials);
    expect([f.tokens.mails, f.throttle.callsOf('beforeLogin').length, f.throttle.callsOf('loginSucceeded').length]).to.deep.equal([[], 1, 0]);
  });

  it('refuses an account with TOTP without `code` with InvalidCredentials, and mails nothing', async () => {
    f.activate();
    expect(await rejectionOf(request())).to.be.instanceOf(InvalidCredentials);
    expect(f.tokens.mails).to.deep.equal([]);
  });

  it('mails the link for an account with TOTP given a right code', async () => {
    f.activate();
    await request({ code: codeAt(ACTIVE_SECRET, NOW) });
    expect(f.tokens.mails.map((mail) => mail.to)).to.deep.equal(['Ann.New@example.com', 'ann@example.com']);
  });

  it('refuses an invalid address with InvalidEmail on /newEmail', async () => {
    const error = await rejectionOf(request({ newEmail: 'not an address' }));
    expect(error).to.be.instanceOf(InvalidEmail);
    expect((error as InvalidEmail).violations.map((v) => v.field)).to.deep.equal(['newEmail']);
  });

  it('refuses an address another account holds, in any case, with EmailAlreadyRegistered, and mails nothing', async () => {
    expect(await rejectionOf(request({ newEmail: 'BOB@example.com' }))).to.be.instanceOf(EmailAlreadyRegistered);
    expect(f.tokens.mails).to.deep.equal([]);
  });

  it('tells a wrong password apart from a taken address only after the password matched', async () => {
    expect(await rejectionOf(request({ newEmail: 'bob@example.com', currentPassword: 'not the password at all' }))).to.be.instanceOf(InvalidCredentials);
  });

  it("refuses the account's own address with EmailAlreadyRegistered", async () => {
    expect(await rejectionOf(request({ newEmail: 'ANN@example.com' }))).to.be.instanceOf(EmailAlreadyRegistered);
  });
});
