import { expect } from 'chai';
import { loginCeilingNoticeMail } from '../../../src/application/services/account-mails.js';
import type { LoginUserInput } from '../../../src/application/use-cases/login-user.js';
import { InvalidCredentials, TooManyAttempts } from '../../../src/domain/errors.js';
import { FAILURE_WINDOW_MS, PASSWORD, loginFixture, type LoginFixture } from '../support/login-fixture.js';
import { rejectionOf } from '../support/rejection-of.js';

// LOGIN_MAX_FAILURES_PER_ACCOUNT=3; every attempt comes from an address of its own, so only
// the account-wide count can refuse it.
const from = (i: number, password = `${PASSWORD}!`, email = 'ANN@Example.com'): LoginUserInput => ({ email, password, userAgent: null, ip: `203.0.113.${i}` });
const NOTICE = loginCeilingNoticeMail('ann@example.com', FAILURE_WINDOW_MS / 60_000);

async function failures(f: LoginFixture, count: number, email?: string): Promise<unknown[]> {
  const errors = [];
  for (let i = 1; i <= count; i++) errors.push(await rejectionOf(f.loginUser.execute(from(i, undefined, email))));
  return errors;
}

describe('LoginUser: the ceiling of failed logins per account', () => {
  it('refuses the 4th wrong password, from a 4th address, with TooManyAttempts', async () => {
    const f = await loginFixture({ accountLimit: 3 });
    const errors = await failures(f, 4);
    expect(errors.map((error) => error instanceof InvalidCredentials)).to.deep.equal([true, true, true, false]);
    expect(errors[3]).to.be.instanceOf(TooManyAttempts).with.property('retryAfterSeconds', 60);
  });

  it('refuses the right password from a fifth address with TooManyAttempts and its wait, and starts no session', async () => {
    const f = await loginFixture({ accountLimit: 3 });
    await failures(f, 4);
    const error = await rejectionOf(f.loginUser.execute(from(5, PASSWORD)));
    expect(error).to.be.instanceOf(TooManyAttempts).with.property('retryAfterSeconds', 60);
    expect(f.sessions.started).to.deep.equal([]);
  });

  it('queues a notice to the owner, at the address as registered, when the ceiling is reached', async () => {
    const f = await loginFixture({ accountLimit: 3 });
    await failures(f, 4);
    expect(f.tokens.mails).to.deep.equal([NOTICE]);
  });

  it('queues nothing before the ceiling is reached', async () => {
    const f = await loginFixture({ accountLimit: 3 });
    await failures(f, 3);
    expect(f.tokens.mails).to.deep.equal([]);
  });

  it('queues one notice only, however many refused attempts follow', async () => {
    const f = await loginFixture({ accountLimit: 3 });
    await failures(f, 8);
    await rejectionOf(f.loginUser.execute(from(9, PASSWORD)));
    expect(f.tokens.mails).to.deep.equal([NOTICE]);
  });

  it('queues exactly one notice for 10 wrong passwords in parallel', async () => {
    const f = await loginFixture({ accountLimit: 3 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => rejectionOf(f.loginUser.execute(from(i + 1)))));
    expect(f.tokens.mails).to.deep.equal([NOTICE]);
  });

  it('refuses an unknown e-mail past the ceiling alike, and mails nobody', async () => {
    const f = await loginFixture({ accountLimit: 3 });
    const errors = await failures(f, 4, 'bob@example.com');
    expect(errors[3]).to.be.instanceOf(TooManyAttempts);
    expect(f.tokens.mails).to.deep.equal([]);
  });
});
