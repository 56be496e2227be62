import { expect } from 'chai';
import { InvalidCredentials, PasskeyAlreadyRegistered, PasskeyNotFound, PasskeyRejected } from '../../../src/domain/errors.js';
import { WEBAUTHN_CHALLENGE_TTL_MS } from '../../../src/domain/passkey.js';
import { rejectionOf } from '../support/rejection-of.js';
import { ann, bob, client, NOW, PASSWORD, passkeyFixture, registerPasskey, type PasskeyFixture } from './passkey-fixture.js';

describe('Passkeys: registration, listing and removal', () => {
  let f: PasskeyFixture;
  beforeEach(async () => {
    f = await passkeyFixture();
  });

  const options = (password = PASSWORD, principal: typeof ann | typeof bob = ann) => f.beginRegistration.execute({ principal, currentPassword: password, ...client });

  it('refuses creation options without the right current password, with InvalidCredentials, storing no challenge', async () => {
    expect(await rejectionOf(options('wrong password, long enough'))).to.be.instanceOf(InvalidCredentials);
    expect(f.challenges.pending.size).to.equal(0);
  });

  it('names the user by an opaque handle, the same each time, never the e-mail', async () => {
    const first = (await options()).user as { id: string; name: string };
    const second = (await options()).user as { id: string };
    expect([first.id, second.id, first.name]).to.deep.equal(['secret-1', 'secret-1', 'ann@example.com']);
    expect(f.passkeys.handles.get('user-1')).to.equal('secret-1');
  });

  it('stores the challenge bound to this user’s registration for 5 minutes', async () => {
    const issued = await options();
    expect(f.challenges.pending.get(issued.challenge as string)).to.deep.equal({ purpose: { kind: 'registration', userId: 'user-1' }, expiresAt: new Date(NOW.getTime() + WEBAUTHN_CHALLENGE_TTL_MS) });
  });

  it('excludes the passkeys the user has already', async () => {
    await registerPasskey(f, 'cred-a');
    expect((await options()).excludeCredentials).to.deep.equal(['cred-a']);
  });

  it('stores the verified passkey with its name and mails the owner a notice', async () => {
    const view = await registerPasskey(f, 'cred-a');
    expect(view).to.deep.equal({ id: 'cred-a', name: 'key cred-a', createdAt: NOW, lastUsedAt: null, backedUp: true });
    expect(f.passkeys.passkeys.get('cred-a')?.userId).to.equal('user-1');
    expect(f.tokens.mails.map((mail) => [mail.to, mail.subject])).to.deep.equal([['ann@example.com', 'A passkey was added to your account']]);
  });

  it('refuses a replayed registration response (its challenge is spent) with PasskeyRejected', async () => {
    const issued = await options();
    const response = { challenge: issued.challenge as string, credentialId: 'cred-a' };
    await f.add.execute({ principal: ann, name: 'a', response });
    expect(await rejectionOf(f.add.execute({ principal: ann, name: 'a', response: { ...response, credentialId: 'cred-b' } }))).to.be.instanceOf(PasskeyRejected);
  });

  it('refuses a response to another user’s challenge with PasskeyRejected', async () => {
    const issued = await options('bob', bob);
    expect(await rejectionOf(f.add.execute({ principal: ann, name: 'a', response: { challenge: issued.challenge as string, credentialId: 'cred-a' } }))).to.be.instanceOf(PasskeyRejected);
  });

  it('refuses a response to an expired challenge with PasskeyRejected', async () => {
    const issued = await options();
    f.clock.advance(WEBAUTHN_CHALLENGE_TTL_MS);
    expect(await rejectionOf(f.add.execute({ principal: ann, name: 'a', response: { challenge: issued.challenge as string, credentialId: 'cred-a' } }))).to.be.instanceOf(PasskeyRejected);
  });

  it('refuses a response that does not verify with PasskeyRejected, and spends its challenge', async () => {
    const issued = await options();
    const error = await rejectionOf(f.add.execute({ principal: ann, name: 'a', response: { challenge: issued.challenge as string, credentialId: 'cred-a', valid: false } }));
    expect([error?.constructor.name, f.challenges.pending.size, f.passkeys.passkeys.size]).to.deep.equal(['PasskeyRejected', 0, 0]);
  });

  it('refuses a credential registered already (by anyone) with PasskeyAlreadyRegistered', async () => {
    await registerPasskey(f, 'cred-a');
    expect(await rejectionOf(registerPasskey(f, 'cred-a', bob, 'bob'))).to.be.instanceOf(PasskeyAlreadyRegistered);
  });

  it('lists the caller’s passkeys only', async () => {
    await registerPasskey(f, 'cred-a');
    await registerPasskey(f, 'cred-b');
    await registerPasskey(f, 'cred-c', bob, 'bob');
    expect((await f.list.execute({ principal: ann })).map((view) => view.id)).to.deep.equal(['cred-a', 'cred-b']);
  });

  it('removes one passkey with the password, keeps the others, and mails a notice', async () => {
    await registerPasskey(f, 'cred-a');
    await registerPasskey(f, 'cred-b');
    await f.remove.execute({ principal: ann, passkeyId: 'cred-a', currentPassword: PASSWORD, ...client });
    expect([...f.passkeys.passkeys.keys()]).to.deep.equal(['cred-b']);
    expect(f.tokens.mails.at(-1)?.subject).to.equal('A passkey was removed from your account');
  });

  it('refuses to remove another user’s passkey with PasskeyNotFound, leaving it', async () => {
    await registerPasskey(f, 'cred-c', bob, 'bob');
    expect(await rejectionOf(f.remove.execute({ principal: ann, passkeyId: 'cred-c', currentPassword: PASSWORD, ...client }))).to.be.instanceOf(PasskeyNotFound);
    expect(f.passkeys.passkeys.has('cred-c')).to.equal(true);
  });

  it('refuses removal without the right password with InvalidCredentials', async () => {
    await registerPasskey(f, 'cred-a');
    expect(await rejectionOf(f.remove.execute({ principal: ann, passkeyId: 'cred-a', currentPassword: 'wrong password, long enough', ...client }))).to.be.instanceOf(InvalidCredentials);
    expect(f.passkeys.passkeys.has('cred-a')).to.equal(true);
  });
});
