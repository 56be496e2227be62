import { expect } from 'chai';
import type { LoginUserInput } from '../../../src/application/use-cases/login-user.js';
import { InvalidCredentials, InvalidEmail } from '../../../src/domain/errors.js';
import { PASSWORD, loginFixture, type LoginFixture } from '../support/login-fixture.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';

const input: LoginUserInput = { email: 'ann@example.com', password: PASSWORD, userAgent: null, ip: null };

describe('LoginUser: refusals', () => {
  let f: LoginFixture;

  beforeEach(async () => {
    f = await loginFixture();
  });

  it('refuses an unknown e-mail address with InvalidCredentials', async () => {
    const error = await rejectionOf(f.loginUser.execute({ ...input, email: 'bob@example.com' }));
    expect(error).to.be.instanceOf(InvalidCredentials);
    expect(error).to.have.property('code', 'invalid_credentials');
  });

  it('still compares once, against the dummy hash, for an unknown e-mail address', async () => {
    await rejectionOf(f.loginUser.execute({ ...input, email: 'bob@example.com' }));
    expect(only(f.hasher.verifyCalls).hash).to.equal(f.hasher.dummyHash);
  });

  it('starts no session for an unknown e-mail address', async () => {
    await rejectionOf(f.loginUser.execute({ ...input, email: 'bob@example.com' }));
    expect(f.sessions.started).to.deep.equal([]);
  });

  it('refuses a wrong password with InvalidCredentials', async () => {
    const error = await rejectionOf(f.loginUser.execute({ ...input, password: `${PASSWORD}!` }));
    expect(error).to.be.instanceOf(InvalidCredentials);
    expect(error).to.have.property('code', 'invalid_credentials');
  });

  it('starts no session and issues no token for a wrong password', async () => {
    await rejectionOf(f.loginUser.execute({ ...input, password: `${PASSWORD}!` }));
    expect(f.sessions.started).to.deep.equal([]);
    expect(f.accessTokens.requests).to.deep.equal([]);
  });

  it('compares a wrong password once, as for an unknown e-mail address', async () => {
    await rejectionOf(f.loginUser.execute({ ...input, password: `${PASSWORD}!` }));
    expect(f.hasher.verifyCalls).to.have.lengthOf(1);
  });

  it('refuses a malformed e-mail address with InvalidEmail', async () => {
    const error = await rejectionOf(f.loginUser.execute({ ...input, email: 'ann.example.com' }));
    expect(error).to.be.instanceOf(InvalidEmail);
    expect(error).to.have.property('code', 'invalid_email');
  });
});
