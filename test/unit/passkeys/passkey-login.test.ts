import { expect } from 'chai';
import { AccountDisabled, InvalidPasskey, InvalidSecondFactor, MfaRequired, TooManyAttempts } from '../../../src/domain/errors.js';
import { WEBAUTHN_CHALLENGE_TTL_MS } from '../../../src/domain/passkey.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';
import { client, IP, NOW, PASSWORD, passkeyFixture, registerPasskey, type PasskeyFixture } from './passkey-fixture.js';

describe('Passkeys: passwordless login and the second step', () => {
  let f: PasskeyFixture;
  beforeEach(async () => {
    f = await passkeyFixture();
    await registerPasskey(f, 'cred-a');
  });

  async function assertion(extra: { counter?: number; valid?: boolean; credentialId?: string; userHandle?: string | null } = {}) {
    const options = await f.beginLogin.execute({ ip: IP });
    return { challenge: options.challenge as string, credentialId: 'cred-a', userHandle: 'secret-1', ...extra };
  }
  const login = async (response: object) => f.login.execute({ response, ...client });

  it('gives request options without allowCredentials, the challenge stored for a login, 5 minutes', async () => {
    const options = await f.beginLogin.execute({ ip: IP });
    expect(options).not.to.have.property('allowCredentials');
    expect(f.challenges.pending.get(options.challenge as string)).to.deep.equal({ purpose: { kind: 'login' }, expiresAt: new Date(NOW.getTime() + WEBAUTHN_CHALLENGE_TTL_MS) });
  });

  it('counts options requests per address, refusing past the limit with TooManyAttempts', async () => {
    f = await passkeyFixture({ loginLimit: 1 });
    await f.beginLogin.execute({ ip: IP });
    expect(await rejectionOf(f.beginLogin.execute({ ip: IP }))).to.be.instanceOf(TooManyAttempts);
  });

  it('starts a session with amr hwk, user, mfa, proved now, and records the use', async () => {
    const output = await login(await assertion({ counter: 0 }));
    const started = f.sessions.started.at(-1)!;
    expect([output.userId, started.amr, started.authTime, only(f.accessTokens.requests).amr]).to.deep.equal(['user-1', ['hwk', 'user', 'mfa'], NOW, ['hwk', 'user', 'mfa']]);
    expect(f.passkeys.passkeys.get('cred-a')?.lastUsedAt).to.deep.equal(NOW);
  });

  it('refuses a replayed assertion (its challenge is spent) with InvalidPasskey', async () => {
    const response = await assertion({ counter: 1 });
    await login(response);
    expect(await rejectionOf(login({ ...response, counter: 2 }))).to.be.instanceOf(InvalidPasskey);
  });

  it('refuses an expired challenge with InvalidPasskey', async () => {
    const response = await assertion();
    f.clock.advance(WEBAUTHN_CHALLENGE_TTL_MS);
    expect(await rejectionOf(login(response))).to.be.instanceOf(InvalidPasskey);
  });

  it('refuses an assertion that does not verify with InvalidPasskey', async () => {
    expect(await rejectionOf(login(await assertion({ valid: false })))).to.be.instanceOf(InvalidPasskey);
  });

  it('refuses an unknown credential with InvalidPasskey', async () => {
    expect(await rejectionOf(login(await assertion({ credentialId: 'cred-unknown' })))).to.be.instanceOf(InvalidPasskey);
  });

  it('refuses a user handle that is not the credential owner’s with InvalidPasskey', async () => {
    expect(await rejectionOf(login(await assertion({ userHandle: 'someone-else' })))).to.be.instanceOf(InvalidPasskey);
  });

  it('refuses a counter that went backwards with InvalidPasskey and logs a security event', async () => {
    await login(await assertion({ counter: 5 }));
    expect(await rejectionOf(login(await assertion({ counter: 3 })))).to.be.instanceOf(InvalidPasskey);
    expect(f.events.regressedCounters).to.deep.equal([{ userId: 'user-1', credentialId: 'cred-a', storedCounter: 5, presentedCounter: 3, ip: IP, userAgent: 'Firefox/140' }]);
  });

  it('refuses a counter that stayed the same (above 0) as a regression', async () => {
    await login(await assertion({ counter: 5 }));
    expect(await rejectionOf(login(await assertion({ counter: 5 })))).to.be.instanceOf(InvalidPasskey);
    expect(f.events.regressedCounters).to.have.length(1);
  });

  it('accepts a counter of 0 again after 0, as synced passkeys send', async () => {
    await login(await assertion({ counter: 0 }));
    await login(await assertion({ counter: 0 }));
    expect([f.sessions.started.length, f.events.regressedCounters.length]).to.deep.equal([2, 0]);
  });

  it('refuses a disabled account with AccountDisabled, starting no session', async () => {
    await f.users.update((await f.users.findById('user-1'))!.withDisabled(NOW));
    expect(await rejectionOf(login(await assertion()))).to.be.instanceOf(AccountDisabled);
    expect(f.sessions.started).to.have.length(0);
  });

  it('counts every passkey login per address, and gives a success its point back', async () => {
    await login(await assertion());
    await rejectionOf(login(await assertion({ valid: false })));
    expect(f.throttle.calls.filter((call) => call.method.startsWith('beforePasskeyLogin') || call.method === 'passkeyLoginSucceeded').map((call) => call.method)).to.deep.equal([
      'beforePasskeyLogin',
      'passkeyLoginSucceeded',
      'beforePasskeyLogin',
    ]);
  });

  describe('as the second step of a password login', () => {
    async function mfaToken(): Promise<string> {
      const refusal = await rejectionOf(f.passwordLogin.execute({ email: 'ann@example.com', password: PASSWORD, ...client }));
      expect(refusal).to.be.instanceOf(MfaRequired);
      return (refusal as MfaRequired).mfaToken!;
    }

    it('answers a right password of an account with only a passkey with MfaRequired, methods ["passkey"]', async () => {
      const refusal = await rejectionOf(f.passwordLogin.execute({ email: 'ann@example.com', password: PASSWORD, ...client }));
      expect((refusal as MfaRequired).methods).to.deep.equal(['passkey']);
    });

    it('names totp, recovery_code and passkey when the account has both', async () => {
      f.factors.activate('user-1', 'SECRET9');
      const refusal = await rejectionOf(f.passwordLogin.execute({ email: 'ann@example.com', password: PASSWORD, ...client }));
      expect((refusal as MfaRequired).methods).to.deep.equal(['totp', 'recovery_code', 'passkey']);
    });

    it('gives options restricted to the user’s passkeys and finishes with amr pwd, hwk, mfa', async () => {
      const token = await mfaToken();
      const options = await f.beginSecondStep.execute({ mfaToken: token });
      expect(options.allowCredentials).to.deep.equal(['cred-a']);
      await f.completeMfaLogin.execute({ mfaToken: token, passkey: { challenge: options.challenge, credentialId: 'cred-a' }, ...client });
      expect(f.sessions.started.at(-1)?.amr).to.deep.equal(['pwd', 'hwk', 'mfa']);
    });

    it('refuses an assertion to the options of another mfaToken with InvalidSecondFactor', async () => {
      const first = await mfaToken();
      const second = await mfaToken();
      const options = await f.beginSecondStep.execute({ mfaToken: first });
      const error = await rejectionOf(f.completeMfaLogin.execute({ mfaToken: second, passkey: { challenge: options.challenge, credentialId: 'cred-a' }, ...client }));
      expect(error).to.be.instanceOf(InvalidSecondFactor);
    });

    it('refuses a passwordless-login challenge at the second step with InvalidSecondFactor', async () => {
      const token = await mfaToken();
      const error = await rejectionOf(f.completeMfaLogin.execute({ mfaToken: token, passkey: await assertion(), ...client }));
      expect(error).to.be.instanceOf(InvalidSecondFactor);
    });

    it('refuses options for an unknown mfaToken with InvalidSecondFactor', async () => {
      expect(await rejectionOf(f.beginSecondStep.execute({ mfaToken: 'no-such-token' }))).to.be.instanceOf(InvalidSecondFactor);
    });
  });
});
