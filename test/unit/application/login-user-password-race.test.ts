import { expect } from 'chai';
import { InvalidCredentials } from '../../../src/domain/errors.js';
import { NOW, PASSWORD, loginFixture } from '../support/login-fixture.js';
import { rejectionOf } from '../support/rejection-of.js';

const input = { email: 'ann@example.com', password: PASSWORD, userAgent: null, ip: null };

describe('LoginUser: a password change that lands while the old password is being checked', () => {
  it('is refused with InvalidCredentials and leaves no live session behind', async () => {
    const f = await loginFixture();
    const compare = f.hasher.verify.bind(f.hasher);
    // The compare finds the old password right; meanwhile its owner changes it (and the
    // change ends every session it can see: none of this login's yet).
    f.hasher.verify = async (password, hash) => {
      const matched = await compare(password, hash);
      const later = new Date(NOW.getTime() + 1);
      await f.sessions.revokeAllOfUser('user-1', later);
      await f.users.update((await f.users.findById('user-1'))!.withChangedPassword('hash-of-the-new-password', later));
      return matched;
    };
    const error = await rejectionOf(f.loginUser.execute(input));
    expect(error).to.be.instanceOf(InvalidCredentials);
    const live = await Promise.all(f.sessions.started.map((session) => f.sessions.isLive(session.id, NOW)));
    expect(live.filter(Boolean)).to.deep.equal([]);
  });

  it('records the session it began as ended at once, after its login.succeeded', async () => {
    const f = await loginFixture();
    const compare = f.hasher.verify.bind(f.hasher);
    f.hasher.verify = async (password, hash) => {
      const matched = await compare(password, hash);
      await f.users.update((await f.users.findById('user-1'))!.withChangedPassword('hash-of-the-new-password', new Date(NOW.getTime() + 1)));
      return matched;
    };
    await rejectionOf(f.loginUser.execute(input));
    expect(f.audit.events.map((event) => [event.type, event.sessionId, event.details])).to.deep.equal([
      ['login.succeeded', 'session-1', { amr: ['pwd'] }],
      ['session.ended', 'session-1', { by: 'password_change' }],
    ]);
  });
});
