import { expect } from 'chai';
import { Email } from '../../../src/domain/email.js';
import { EmailAlreadyRegistered, InvalidRecoveryToken } from '../../../src/domain/errors.js';
import { User } from '../../../src/domain/user.js';
import { fakeHash } from '../fakes/fake-password-hasher.js';
import { rejectionOf } from '../support/rejection-of.js';
import { IP, NOW, PASSWORD, ann, secondFactorFixture, type SecondFactorFixture } from '../support/second-factor-fixture.js';

const LINK = /\/confirm-email#token=([A-Za-z0-9_-]+)/;

describe('ConfirmEmailChange', () => {
  let f: SecondFactorFixture;
  /** Asks for the change as `principal` and answers the token of the link mailed for it. */
  async function requested(newEmail = 'Ann.New@Example.com', principal: { userId: string; sessionId: string } = ann, currentPassword = PASSWORD): Promise<string> {
    await f.requestEmailChange.execute({ principal, newEmail, currentPassword, ip: IP, userAgent: null });
    const link = f.tokens.mails.filter((mail) => LINK.test(mail.text)).at(-1)!;
    return LINK.exec(link.text)![1]!;
  }
  const confirm = (token: string) => f.confirmEmailChange.execute({ token });

  beforeEach(async () => {
    f = await secondFactorFixture();
  });

  it('makes the new address the account’s, verified now', async () => {
    await confirm(await requested());
    const user = await f.users.findById('user-1');
    expect([user?.email.value, user?.email.canonical, user?.emailVerifiedAt]).to.deep.equal(['Ann.New@example.com', 'ann.new@example.com', NOW]);
  });

  it("keeps the account's sessions", async () => {
    await confirm(await requested());
    expect(['session-1', 'session-2'].map((id) => f.sessions.revokedAt(id))).to.deep.equal([null, null]);
  });

  it('ends the links mailed to the old address before (a reset link there no longer works)', async () => {
    await f.tokens.issueWithMail(
      { userId: 'user-1', purpose: 'password_reset', token: 'old-reset', expiresAt: new Date(NOW.getTime() + 60_000), now: NOW },
      { to: 'ann@example.com', subject: 'Reset your password', text: 'old-reset', html: 'old-reset' },
    );
    await confirm(await requested());
    expect(await f.tokens.findValid('old-reset', 'password_reset', NOW)).to.equal(null);
  });

  it('frees the old address for a new account at once', async () => {
    await confirm(await requested());
    await f.users.add(User.register({ id: 'user-3', email: Email.parse('ann@example.com'), passwordHash: fakeHash('x'), now: NOW }));
    expect((await f.users.findByEmail(Email.parse('ann@example.com')))?.id).to.equal('user-3');
  });

  it('refuses the same link a second time with InvalidRecoveryToken', async () => {
    const token = await requested();
    await confirm(token);
    expect(await rejectionOf(confirm(token))).to.be.instanceOf(InvalidRecoveryToken);
  });

  it('refuses a link superseded by a later request with InvalidRecoveryToken, and follows the later one', async () => {
    const first = await requested('first@example.com');
    const second = await requested('second@example.com');
    expect(await rejectionOf(confirm(first))).to.be.instanceOf(InvalidRecoveryToken);
    await confirm(second);
    expect((await f.users.findById('user-1'))?.email.value).to.equal('second@example.com');
  });

  it('refuses an unknown token with InvalidRecoveryToken', async () => {
    expect(await rejectionOf(confirm('no-such-token'))).to.be.instanceOf(InvalidRecoveryToken);
  });

  it('refuses a link whose address was taken meanwhile with EmailAlreadyRegistered, leaving the address as it was', async () => {
    const token = await requested('taken@example.com');
    await f.users.add(User.register({ id: 'user-3', email: Email.parse('Taken@example.com'), passwordHash: fakeHash('x'), now: NOW }));
    expect(await rejectionOf(confirm(token))).to.be.instanceOf(EmailAlreadyRegistered);
    expect((await f.users.findById('user-1'))?.email.value).to.equal('ann@example.com');
  });

  it('lets exactly one of two accounts racing for one address have it; the other gets EmailAlreadyRegistered', async () => {
    const anns = await requested('shared@example.com');
    const bobs = await requested('shared@example.com', { userId: 'user-2', sessionId: 'session-3' }, 'bob');
    const outcomes = await Promise.allSettled([confirm(anns), confirm(bobs)]);
    expect(outcomes.map((o) => o.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).to.have.nested.property('reason.code', 'email_already_registered');
    expect((await f.users.findByEmail(Email.parse('shared@example.com')))?.id).to.be.oneOf(['user-1', 'user-2']);
  });
});
