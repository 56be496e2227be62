import { expect } from 'chai';
import { MfaRequired } from '../../../src/domain/errors.js';
import { rejectionOf } from '../support/rejection-of.js';
import { ann, client, IP, PASSWORD, passkeyFixture, registerPasskey, type PasskeyFixture } from './passkey-fixture.js';

describe('Passkeys: the audit events they record', () => {
  let f: PasskeyFixture;
  beforeEach(async () => {
    f = await passkeyFixture();
    await registerPasskey(f, 'cred-a');
  });

  const eventsOf = (type: string) => f.audit.events.filter((event) => event.type === type);
  async function assertion(extra: { counter?: number; valid?: boolean; credentialId?: string } = {}) {
    const options = await f.beginLogin.execute({ ip: IP });
    return { challenge: options.challenge as string, credentialId: 'cred-a', userHandle: 'secret-1', ...extra };
  }
  const login = async (response: object) => f.login.execute({ response, ...client });

  it('passkey.added, with the passkey and the session that added it', () => {
    expect(eventsOf('passkey.added')).to.deep.equal([{ type: 'passkey.added', userId: 'user-1', sessionId: ann.sessionId, details: { passkeyId: 'cred-a' } }]);
  });

  it('passkey.removed when one goes, and nothing for one that is not the caller’s', async () => {
    await f.remove.execute({ principal: ann, currentPassword: PASSWORD, passkeyId: 'cred-a', ...client });
    await rejectionOf(f.remove.execute({ principal: ann, currentPassword: PASSWORD, passkeyId: 'cred-none', ...client }));
    expect(eventsOf('passkey.removed')).to.deep.equal([{ type: 'passkey.removed', userId: 'user-1', sessionId: ann.sessionId, details: { passkeyId: 'cred-a' } }]);
  });

  it('passkey.counter_regressed beside the security log line, with both counters', async () => {
    await login(await assertion({ counter: 5 }));
    await rejectionOf(login(await assertion({ counter: 3 })));
    expect(eventsOf('passkey.counter_regressed')).to.deep.equal([{ type: 'passkey.counter_regressed', userId: 'user-1', details: { passkeyId: 'cred-a', stored: 5, presented: 3 } }]);
  });

  it('login.succeeded with amr hwk, user, mfa for a passwordless login', async () => {
    await login(await assertion());
    expect(eventsOf('login.succeeded').map((event) => [event.userId, event.details])).to.deep.equal([['user-1', { amr: ['hwk', 'user', 'mfa'] }]]);
  });

  it('login.failed of no account for an assertion that does not prove a passkey', async () => {
    await rejectionOf(login(await assertion({ credentialId: 'cred-unknown' })));
    await rejectionOf(login(await assertion({ valid: false })));
    expect(eventsOf('login.failed').map((event) => [event.userId, event.details])).to.deep.equal([
      [null, { reason: 'passkey', during: 'login' }],
      [null, { reason: 'passkey', during: 'login' }],
    ]);
  });

  it('login.failed account_disabled for a disabled account’s passkey', async () => {
    await f.users.update((await f.users.findById('user-1'))!.withDisabled(new Date()));
    await rejectionOf(login(await assertion()));
    expect(eventsOf('login.failed').map((event) => [event.userId, event.details])).to.deep.equal([['user-1', { reason: 'account_disabled', during: 'login' }]]);
  });

  describe('as the second step', () => {
    async function mfaToken(): Promise<string> {
      return ((await rejectionOf(f.passwordLogin.execute({ email: 'ann@example.com', password: PASSWORD, ...client }))) as MfaRequired).mfaToken!;
    }

    it('mfa.required names passkey, and mfa.succeeded the passkey method', async () => {
      const token = await mfaToken();
      const options = await f.beginSecondStep.execute({ mfaToken: token });
      await f.completeMfaLogin.execute({ mfaToken: token, passkey: { challenge: options.challenge, credentialId: 'cred-a' }, ...client });
      expect(eventsOf('mfa.required').map((event) => event.details)).to.deep.equal([{ methods: ['passkey'] }]);
      expect(eventsOf('mfa.succeeded').map((event) => [event.userId, event.details])).to.deep.equal([['user-1', { method: 'passkey' }]]);
    });

    it('mfa.failed with the passkey method for an assertion that does not verify', async () => {
      const token = await mfaToken();
      const options = await f.beginSecondStep.execute({ mfaToken: token });
      await rejectionOf(f.completeMfaLogin.execute({ mfaToken: token, passkey: { challenge: options.challenge, credentialId: 'cred-a', valid: false }, ...client }));
      expect(eventsOf('mfa.failed').map((event) => [event.userId, event.details])).to.deep.equal([['user-1', { method: 'passkey', reason: 'wrong_code' }]]);
      expect(eventsOf('mfa.succeeded')).to.deep.equal([]);
    });
  });
});
