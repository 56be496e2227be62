import { expect } from 'chai';
import type { LoginUserInput } from '../../../src/application/use-cases/login-user.js';
import { AccountDisabled, InvalidCredentials } from '../../../src/domain/errors.js';
import { NOW, PASSWORD, loginFixture, type LoginFixture } from '../support/login-fixture.js';
import { rejectionOf } from '../support/rejection-of.js';

const input: LoginUserInput = { email: 'ann@example.com', password: PASSWORD, userAgent: null, ip: null };

describe('LoginUser: a disabled account', () => {
  let f: LoginFixture;

  beforeEach(async () => {
    f = await loginFixture();
    await f.users.update(f.user.withDisabled(NOW));
  });

  it('refuses the right password with AccountDisabled', async () => {
    const error = await rejectionOf(f.loginUser.execute(input));
    expect(error).to.be.instanceOf(AccountDisabled);
    expect(error).to.have.property('code', 'account_disabled');
  });

  it('refuses a wrong password with the one InvalidCredentials, revealing nothing', async () => {
    const error = await rejectionOf(f.loginUser.execute({ ...input, password: `${PASSWORD}!` }));
    expect(error).to.be.instanceOf(InvalidCredentials);
  });

  it('starts no session', async () => {
    await rejectionOf(f.loginUser.execute(input));
    expect(f.sessions.started).to.deep.equal([]);
  });

  it('logs in again once enabled, and records when', async () => {
    await f.users.update((await f.users.findById('user-1'))!.withEnabled());
    await f.loginUser.execute(input);
    expect((await f.users.findById('user-1'))!.lastLoginAt).to.deep.equal(NOW);
  });
});
