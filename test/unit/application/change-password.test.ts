import { expect } from 'chai';
import { fakeHash } from '../fakes/fake-password-hasher.js';
import { IP, NEW_PASSWORD, changePasswordFixture, input, type ChangePasswordFixture } from '../support/change-password-fixture.js';
import { NOW } from '../support/session-fixture.js';

describe('ChangePassword: a successful change', () => {
  let f: ChangePasswordFixture;

  beforeEach(async () => {
    f = await changePasswordFixture();
    await f.changePassword.execute(input);
  });

  it('stores the hash of the new password', async () => {
    expect((await f.users.findById('user-1'))?.passwordHash).to.equal(fakeHash(NEW_PASSWORD));
  });

  it('dates the password change now, so that older access tokens are refused', async () => {
    expect((await f.users.findById('user-1'))?.passwordChangedAt.getTime()).to.equal(NOW.getTime());
  });

  it("revokes every one of the user's sessions now, the caller's own included", async () => {
    const revoked = ['session-1', 'session-2'].map((id) => f.sessions.revokedAt(id)?.getTime());
    expect(revoked).to.deep.equal([NOW.getTime(), NOW.getTime()]);
  });

  it("ends the user's outstanding mailed links now, and no one else's", async () => {
    expect([f.tokens.recordOf('reset-ann')?.supersededAt, f.tokens.recordOf('reset-bob')?.supersededAt]).to.deep.equal([NOW, null]);
  });

  it("leaves other users' sessions and accounts alone", async () => {
    expect([f.sessions.revokedAt('session-3'), (await f.users.findById('user-2'))?.passwordHash]).to.deep.equal([null, fakeHash('bob')]);
  });

  it('counts the attempt, then starts the failure count over', async () => {
    expect(f.throttle.calls.map(({ method, key, ip }) => [method, key, ip])).to.deep.equal([
      ['beforeLogin', 'ann@example.com', IP],
      ['loginSucceeded', 'ann@example.com', IP],
    ]);
  });
});

describe('ChangePassword: the new password', () => {
  it('is hashed in its NFKC form', async () => {
    const f = await changePasswordFixture();
    await f.changePassword.execute({ ...input, newPassword: 'ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ!' });
    expect(f.hasher.hashed).to.deep.equal(['correct horse battery!']);
  });
});
