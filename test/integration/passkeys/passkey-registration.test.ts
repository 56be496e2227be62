import { expect } from 'chai';
import { registerAndLogin, type LoggedIn } from '../support/accounts.js';
import { enableTotp } from '../support/authenticator.js';
import { expectMatchesContract } from '../support/contract.js';
import { expectProblem } from '../support/problems.js';
import { SoftwareAuthenticator } from '../support/software-authenticator.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { addPasskey, bearer, FRONT_END, PASSKEY_ENV, registrationOptions, withPasskey } from './passkey-flow.js';

describe(`Passkeys: adding, listing, removing (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService(PASSKEY_ENV);
  });
  after(async () => {
    await t?.stop();
  });

  const list = (session: LoggedIn) => t.http().get('/users/me/passkeys').set('Authorization', bearer(session));
  const remove = (session: LoggedIn, id: string, body: object = { currentPassword: session.password }) =>
    t.http().delete(`/users/me/passkeys/${encodeURIComponent(id)}`).set('Authorization', bearer(session)).send(body);

  it('answers creation options in the WebAuthn JSON form: RP localhost, an opaque user.id, resident key and user verification required', async () => {
    const session = await registerAndLogin(t);
    const res = await registrationOptions(t, session);
    await expectMatchesContract(res);
    expect([res.status, res.headers['cache-control']]).to.deep.equal([200, 'no-store']);
    expect(res.body.rp).to.deep.include({ id: 'localhost' });
    expect(res.body.user.name).to.equal(session.user.email);
    expect(res.body.user.id).to.match(/^[A-Za-z0-9_-]{20,}$/);
    expect(Buffer.from(res.body.user.id, 'base64url').toString('latin1')).not.to.include(session.user.email);
    expect(res.body.authenticatorSelection).to.deep.include({ residentKey: 'required', userVerification: 'required' });
    expect(res.body.excludeCredentials).to.deep.equal([]);
    const [row] = await t.query<{ handle: string }>('SELECT handle FROM webauthn_user_handles WHERE user_id = ?', [session.user.id]);
    expect(row?.handle).to.equal(res.body.user.id);
  });

  it('refuses options without the current password (401), and with TOTP on without a code (401)', async () => {
    const session = await registerAndLogin(t);
    expectProblem(await registrationOptions(t, session, { currentPassword: `${session.password}!` }), 401);
    const totp = await enableTotp(t, await registerAndLogin(t));
    expectProblem(await registrationOptions(t, totp, { currentPassword: totp.password }), 401);
    expect((await registrationOptions(t, totp, { currentPassword: totp.password, code: await totp.app.next() })).status).to.equal(200);
  });

  it('stores a registered passkey (201), lists it, mails the owner, and names it in the next options’ excludeCredentials', async () => {
    const session = await registerAndLogin(t);
    const authenticator = new SoftwareAuthenticator(FRONT_END);
    const res = await addPasskey(t, session, authenticator, {}, 'Laptop');
    await expectMatchesContract(res);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.deep.include({ id: authenticator.id, name: 'Laptop', lastUsedAt: null, backedUp: true });
    const listed = await list(session);
    await expectMatchesContract(listed);
    expect(listed.body.map((p: { id: string }) => p.id)).to.deep.equal([authenticator.id]);
    expect((await registrationOptions(t, session)).body.excludeCredentials.map((c: { id: string }) => c.id)).to.deep.equal([authenticator.id]);
    const mails = await t.query<{ subject: string }>('SELECT subject FROM mail_outbox WHERE recipient = ?', [session.user.email]);
    expect(mails.map((m) => m.subject)).to.include('A passkey was added to your account');
    const [row] = await t.query<Record<string, unknown>>('SELECT user_id, transports, aaguid, backup_eligible, backed_up, last_used_at FROM passkeys WHERE user_id = ?', [session.user.id]);
    expect({ ...row, backup_eligible: Number(row?.backup_eligible), backed_up: Number(row?.backed_up) }).to.deep.equal({
      user_id: session.user.id,
      transports: '["internal"]',
      aaguid: '00000000-0000-0000-0000-000000000000',
      backup_eligible: 1,
      backed_up: 1,
      last_used_at: null,
    });
  });

  describe('refusals of a registration', () => {
    it('a replayed registration response: 400', async () => {
      const session = await registerAndLogin(t);
      const options = await registrationOptions(t, session);
      const response = new SoftwareAuthenticator(FRONT_END).register(options.body);
      expect((await t.http().post('/users/me/passkeys').set('Authorization', bearer(session)).send({ name: 'a', response })).status).to.equal(201);
      const again = await t.http().post('/users/me/passkeys').set('Authorization', bearer(session)).send({ name: 'a', response });
      await expectMatchesContract(again);
      expectProblem(again, 400);
    });

    it('a response to another user’s options: 400', async () => {
      const ann = await registerAndLogin(t);
      const bob = await registerAndLogin(t);
      const options = await registrationOptions(t, bob);
      const response = new SoftwareAuthenticator(FRONT_END).register(options.body);
      expectProblem(await t.http().post('/users/me/passkeys').set('Authorization', bearer(ann)).send({ name: 'a', response }), 400);
    });

    it('a wrong origin: 400', async () => {
      expectProblem(await addPasskey(t, await registerAndLogin(t), new SoftwareAuthenticator(FRONT_END), { origin: 'http://localhost:6666' }), 400);
    });

    it('a wrong RP ID (rpIdHash): 400', async () => {
      expectProblem(await addPasskey(t, await registerAndLogin(t), new SoftwareAuthenticator(FRONT_END), { rpId: 'evil.example' }), 400);
    });

    it('no user verification: 400', async () => {
      expectProblem(await addPasskey(t, await registerAndLogin(t), new SoftwareAuthenticator(FRONT_END), { userVerified: false }), 400);
    });

    it('a challenge other than the options’: 400', async () => {
      expectProblem(await addPasskey(t, await registerAndLogin(t), new SoftwareAuthenticator(FRONT_END), { challenge: Buffer.from('not issued').toString('base64url') }), 400);
    });

    it('an expired challenge: 400', async () => {
      const session = await registerAndLogin(t);
      const options = await registrationOptions(t, session);
      await t.query('UPDATE webauthn_challenges SET expires_at = ? WHERE user_id = ?', [Date.now() - 1, session.user.id]);
      const response = new SoftwareAuthenticator(FRONT_END).register(options.body);
      expectProblem(await t.http().post('/users/me/passkeys').set('Authorization', bearer(session)).send({ name: 'a', response }), 400);
    });

    it('a credential registered already, even by another account: 409, one row', async () => {
      const ann = await registerAndLogin(t);
      const authenticator = await withPasskey(t, ann);
      const again = await addPasskey(t, await registerAndLogin(t), authenticator);
      await expectMatchesContract(again);
      expectProblem(again, 409);
      expect(await t.query('SELECT 1 AS n FROM passkeys WHERE credential_id = ?', [authenticator.id])).to.have.length(1);
    });

    it('garbage in place of the response: 422 for a wrong shape, 400 for undecodable parts', async () => {
      const session = await registerAndLogin(t);
      await registrationOptions(t, session);
      const post = (response: unknown) => t.http().post('/users/me/passkeys').set('Authorization', bearer(session)).send({ name: 'a', response });
      expectProblem(await post({ id: 'x' }), 422);
      expectProblem(await post({ id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' } }), 400);
    });
  });

  it('removes one passkey with the password (204): the other stays, the owner is mailed', async () => {
    const session = await registerAndLogin(t);
    const first = await withPasskey(t, session);
    const second = await withPasskey(t, session);
    const res = await remove(session, first.id);
    expect(res.status, JSON.stringify(res.body)).to.equal(204);
    expect((await list(session)).body.map((p: { id: string }) => p.id)).to.deep.equal([second.id]);
    const mails = await t.query<{ subject: string }>('SELECT subject FROM mail_outbox WHERE recipient = ?', [session.user.email]);
    expect(mails.map((m) => m.subject)).to.include('A passkey was removed from your account');
  });

  it('refuses to remove another account’s passkey (404) or without the password (401), leaving it', async () => {
    const ann = await registerAndLogin(t);
    const bobs = await withPasskey(t, await registerAndLogin(t));
    const notMine = await remove(ann, bobs.id);
    await expectMatchesContract(notMine, 'delete', '/users/me/passkeys/{id}');
    expectProblem(notMine, 404);
    const own = await withPasskey(t, ann);
    expectProblem(await remove(ann, own.id, { currentPassword: `${ann.password}!` }), 401);
    expect(await t.query('SELECT 1 AS n FROM passkeys WHERE credential_id IN (?, ?)', [bobs.id, own.id])).to.have.length(2);
  });
});
