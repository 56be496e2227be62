import { expect } from 'chai';
import { registerAndLogin, type TokenResponse } from '../support/accounts.js';
import { decodeAccessToken } from '../support/access-tokens.js';
import { enableTotp, mfaTokenOf } from '../support/authenticator.js';
import { expectMatchesContract } from '../support/contract.js';
import { expectProblem } from '../support/problems.js';
import { refresh, withBearer } from '../support/session-flow.js';
import { SoftwareAuthenticator } from '../support/software-authenticator.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { ADMIN_KEY, asAdmin } from '../admin/admin-support.js';
import { FRONT_END, loginOptions, PASSKEY_ENV, passkeyLogin, withPasskey } from './passkey-flow.js';

describe(`Passkeys: passwordless login and the second step (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ ...PASSKEY_ENV, ADMIN_API_KEY: ADMIN_KEY });
  });
  after(async () => {
    await t?.stop();
  });

  it('answers request options without allowCredentials, RP localhost, user verification required', async () => {
    const res = await t.http().post('/auth/passkey/options').send({});
    await expectMatchesContract(res);
    expect([res.status, res.headers['cache-control']]).to.deep.equal([200, 'no-store']);
    expect(res.body).to.deep.include({ rpId: 'localhost', userVerification: 'required' });
    expect(res.body).not.to.have.property('allowCredentials');
  });

  it('logs in with a discoverable credential: the token response, amr hwk user mfa, kept by a refresh with auth_time', async () => {
    const session = await registerAndLogin(t);
    const authenticator = await withPasskey(t, session);
    const res = await passkeyLogin(t, authenticator.assert(await loginOptions(t)));
    await expectMatchesContract(res);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const { claims } = decodeAccessToken(res.body.access_token);
    expect([claims.sub, claims.amr]).to.deep.equal([session.user.id, ['hwk', 'user', 'mfa']]);
    const refreshed = await refresh(t, (res.body as TokenResponse).refresh_token);
    const again = decodeAccessToken(refreshed.body.access_token).claims;
    expect([again.amr, again.auth_time]).to.deep.equal([['hwk', 'user', 'mfa'], claims.auth_time]);
    const [row] = await t.query<{ last_used_at: unknown; sign_count: unknown }>('SELECT last_used_at, sign_count FROM passkeys WHERE credential_id = ?', [authenticator.id]);
    expect([row?.last_used_at === null, Number(row?.sign_count)]).to.deep.equal([false, 1]);
  });

  it('keeps the account’s other passkeys working when one is removed', async () => {
    const session = await registerAndLogin(t);
    const first = await withPasskey(t, session);
    const second = await withPasskey(t, session);
    await t.http().delete(`/users/me/passkeys/${first.id}`).set('Authorization', `Bearer ${session.access_token}`).send({ currentPassword: session.password });
    expectProblem(await passkeyLogin(t, first.assert(await loginOptions(t))), 401);
    expect((await passkeyLogin(t, second.assert(await loginOptions(t)))).status).to.equal(200);
  });

  describe('refusals of a login, each the one 401 body', () => {
    let authenticator: SoftwareAuthenticator;
    before(async () => {
      authenticator = await withPasskey(t, await registerAndLogin(t));
    });
    const refused = async (response: object) => {
      const res = await passkeyLogin(t, response);
      await expectMatchesContract(res);
      expectProblem(res, 401);
      expect(res.body.type).to.equal('urn:auth-service:problem:invalid-passkey');
    };

    it('an unknown credential: 401', async () => {
      await refused(new SoftwareAuthenticator(FRONT_END).assert(await loginOptions(t)));
    });

    it('a bad signature: 401', async () => {
      await refused(authenticator.assert(await loginOptions(t), { badSignature: true }));
    });

    it('a replayed assertion: 401', async () => {
      const response = authenticator.assert(await loginOptions(t));
      expect((await passkeyLogin(t, response)).status).to.equal(200);
      await refused(response);
    });

    it('a wrong origin: 401', async () => {
      await refused(authenticator.assert(await loginOptions(t), { origin: 'http://localhost:6666' }));
    });

    it('a wrong RP ID (rpIdHash): 401', async () => {
      await refused(authenticator.assert(await loginOptions(t), { rpId: 'evil.example' }));
    });

    it('no user verification: 401', async () => {
      await refused(authenticator.assert(await loginOptions(t), { userVerified: false }));
    });

    it('a challenge never issued: 401', async () => {
      await refused(authenticator.assert({ challenge: Buffer.from('never issued').toString('base64url') }));
    });

    it('an expired challenge: 401', async () => {
      const options = await loginOptions(t);
      await t.query('UPDATE webauthn_challenges SET expires_at = ? WHERE user_id IS NULL AND created_at >= ?', [Date.now() - 1, Date.now() - 10_000]);
      await refused(authenticator.assert(options));
    });

    it('a user handle that is not the credential owner’s: 401', async () => {
      const response = authenticator.assert(await loginOptions(t));
      await refused({ ...response, response: { ...(response.response as object), userHandle: Buffer.from('someone else').toString('base64url') } });
    });

    it('a signature counter gone backwards: 401, logged as a security event', async () => {
      expect((await passkeyLogin(t, authenticator.assert(await loginOptions(t), { counter: 50 }))).status).to.equal(200);
      await refused(authenticator.assert(await loginOptions(t), { counter: 49 }));
      await refused(authenticator.assert(await loginOptions(t), { counter: 50 }));
      const events = t.logs.entries.filter((entry) => entry.event === 'passkey_counter_regressed' && entry.credentialId === authenticator.id);
      expect(events.map((e) => [e.level, e.storedCounter, e.presentedCounter])).to.deep.equal([
        [40, 50, 49],
        [40, 50, 50],
      ]);
      expect((await passkeyLogin(t, authenticator.assert(await loginOptions(t), { counter: 51 }))).status).to.equal(200);
    });
  });

  it('accepts a counter of 0 after 0 (a synced passkey keeps none)', async () => {
    const session = await registerAndLogin(t);
    const synced = new SoftwareAuthenticator(FRONT_END, 'localhost', { keepsNoCounter: true });
    const options = await t.http().post('/users/me/passkeys/options').set('Authorization', `Bearer ${session.access_token}`).send({ currentPassword: session.password });
    expect((await t.http().post('/users/me/passkeys').set('Authorization', `Bearer ${session.access_token}`).send({ name: 'synced', response: synced.register(options.body) })).status).to.equal(201);
    const statuses = [];
    for (let i = 0; i < 2; i += 1) statuses.push((await passkeyLogin(t, synced.assert(await loginOptions(t)))).status);
    expect(statuses).to.deep.equal([200, 200]);
  });

  it('finishes one challenge once: of parallel logins with one assertion exactly one succeeds', async () => {
    const authenticator = await withPasskey(t, await registerAndLogin(t));
    const response = authenticator.assert(await loginOptions(t));
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => passkeyLogin(t, response)))).map((res) => res.status).sort();
    expect(statuses).to.deep.equal([200, 401, 401, 401, 401, 401, 401, 401]);
  });

  it('refuses a disabled account as a password login is: 403 account-disabled, no session', async () => {
    const session = await registerAndLogin(t);
    const authenticator = await withPasskey(t, session);
    expect((await asAdmin(t, 'post', `/admin/users/${session.user.id}/disable`)).status).to.equal(204);
    const res = await passkeyLogin(t, authenticator.assert(await loginOptions(t)));
    await expectMatchesContract(res);
    expectProblem(res, 403);
    expect(res.body.type).to.equal('urn:auth-service:problem:account-disabled');
  });

  it('admin DELETE /admin/users/{id}/mfa removes the passkeys: they no longer log in, the password alone does', async () => {
    const session = await registerAndLogin(t);
    const authenticator = await withPasskey(t, session);
    expect((await asAdmin(t, 'delete', `/admin/users/${session.user.id}/mfa`)).status).to.equal(204);
    expect(await t.query('SELECT 1 AS n FROM passkeys WHERE user_id = ?', [session.user.id])).to.deep.equal([]);
    expectProblem(await passkeyLogin(t, authenticator.assert(await loginOptions(t))), 401);
    expect((await t.http().post('/auth/login').send({ email: session.user.email, password: session.password })).status).to.equal(200);
  });

  describe('as the second step of a password login', () => {
    it('answers the password with 403 mfa-required, methods ["passkey"], for an account with a passkey only', async () => {
      const session = await registerAndLogin(t);
      await withPasskey(t, session);
      const res = await t.http().post('/auth/login').send({ email: session.user.email, password: session.password });
      await expectMatchesContract(res);
      expect([res.status, res.body.methods]).to.deep.equal([403, ['passkey']]);
    });

    it('names totp, recovery_code and passkey for an account with both, and finishes with a passkey: amr pwd hwk mfa', async () => {
      const session = await enableTotp(t, await registerAndLogin(t));
      const code = await session.app.next();
      const options = await t.http().post('/users/me/passkeys/options').set('Authorization', `Bearer ${session.access_token}`).send({ currentPassword: session.password, code });
      const authenticator = new SoftwareAuthenticator(FRONT_END);
      expect((await t.http().post('/users/me/passkeys').set('Authorization', `Bearer ${session.access_token}`).send({ name: 'k', response: authenticator.register(options.body) })).status).to.equal(201);
      const login = await t.http().post('/auth/login').send({ email: session.user.email, password: session.password });
      expect(login.body.methods).to.deep.equal(['totp', 'recovery_code', 'passkey']);
      const stepOptions = await t.http().post('/auth/login/mfa/passkey-options').send({ mfaToken: login.body.mfaToken });
      await expectMatchesContract(stepOptions);
      expect(stepOptions.status, JSON.stringify(stepOptions.body)).to.equal(200);
      expect(stepOptions.body.allowCredentials.map((c: { id: string }) => c.id)).to.deep.equal([authenticator.id]);
      const res = await t.http().post('/auth/login/mfa').send({ mfaToken: login.body.mfaToken, passkey: authenticator.assert(stepOptions.body) });
      await expectMatchesContract(res);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(decodeAccessToken(res.body.access_token).claims.amr).to.deep.equal(['pwd', 'hwk', 'mfa']);
      expect((await withBearer(t, res.body.access_token)).status).to.equal(200);
    });

    it('refuses an assertion to another mfaToken’s options, and a passwordless login’s challenge: 401 invalid-second-factor', async () => {
      const session = await registerAndLogin(t);
      const authenticator = await withPasskey(t, session);
      const first = await mfaTokenOf(t, session);
      const second = await mfaTokenOf(t, session);
      const firstOptions = (await t.http().post('/auth/login/mfa/passkey-options').send({ mfaToken: first })).body;
      const crossed = await t.http().post('/auth/login/mfa').send({ mfaToken: second, passkey: authenticator.assert(firstOptions) });
      await expectMatchesContract(crossed);
      expectProblem(crossed, 401);
      expect(crossed.body.type).to.equal('urn:auth-service:problem:invalid-second-factor');
      expectProblem(await t.http().post('/auth/login/mfa').send({ mfaToken: second, passkey: authenticator.assert(await loginOptions(t)) }), 401);
    });

    it('refuses passkey options for an unknown mfaToken: 401', async () => {
      const res = await t.http().post('/auth/login/mfa/passkey-options').send({ mfaToken: 'no-such-token' });
      await expectMatchesContract(res);
      expectProblem(res, 401);
    });
  });
});
