import { expect } from 'chai';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { enableTotp } from '../support/authenticator.js';
import { refresh, withBearer } from '../support/session-flow.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { ADMIN_KEY, asAdmin } from './admin-support.js';

describe(`Admin API: accounts (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ ADMIN_API_KEY: ADMIN_KEY });
  });
  after(async () => {
    await t?.stop();
  });

  const login = (email: string, password = TEST_PASSWORD) => t.http().post('/auth/login').send({ email, password });

  it('walks 7 accounts 3 at a time, each once, though accounts register between pages', async () => {
    const prefix = `walk${Date.now().toString(36)}`;
    const emails: string[] = [];
    for (let i = 0; i < 7; i += 1) emails.push((await registerAndLogin(t, uniqueEmail(prefix))).user.email);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const res = await asAdmin(t, 'get', `/admin/users?email=${prefix}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.items.length).to.be.at.most(3);
      seen.push(...res.body.items.map((item: { email: string }) => item.email));
      cursor = res.body.nextCursor;
      if (!cursor) break;
      emails.push((await registerAndLogin(t, uniqueEmail(prefix))).user.email);
    }
    expect(seen).to.deep.equal(emails);
  });

  it('shows an account with its MFA, disabled and last login fields', async () => {
    const user = await registerAndLogin(t);
    const res = await asAdmin(t, 'get', `/admin/users/${user.user.id}`);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ id: user.user.id, email: user.user.email, emailVerified: false, mfaEnabled: false, disabledAt: null });
    expect(Date.parse(res.body.lastLoginAt)).to.be.at.least(Date.parse(res.body.createdAt));
  });

  for (const query of ['cursor=nonsense', 'cursor=', 'limit=0', 'limit=101', 'limit=abc', 'limit=3&limit=4']) {
    it(`answers ?${query} with 422 problem+json`, async () => {
      const res = await asAdmin(t, 'get', `/admin/users?${query}`);
      expect([res.status, res.headers['content-type']]).to.deep.equal([422, 'application/problem+json; charset=utf-8']);
    });
  }

  it('answers an unknown id 404', async () => {
    const res = await asAdmin(t, 'get', '/admin/users/00000000-0000-4000-8000-000000000000');
    expect([res.status, res.body.type]).to.deep.equal([404, 'urn:auth-service:problem:user-not-found']);
    expect((await asAdmin(t, 'post', '/admin/users/00000000-0000-4000-8000-000000000000/disable')).status).to.equal(404);
  });

  it('creates an account as registration does: 201, the policy, 409 for a taken address', async () => {
    const email = uniqueEmail('made');
    const res = await asAdmin(t, 'post', '/admin/users').send({ email, password: TEST_PASSWORD, emailVerified: true });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ email, emailVerified: true, lastLoginAt: null });
    expect((await login(email)).status).to.equal(200);
    expect((await asAdmin(t, 'post', '/admin/users').send({ email, password: TEST_PASSWORD })).status).to.equal(409);
    expect((await asAdmin(t, 'post', '/admin/users').send({ email: uniqueEmail(), password: 'short' })).status).to.equal(422);
  });

  it('disables: the access token is refused at once, the refresh token too, the login 403 only with the right password', async () => {
    const user = await registerAndLogin(t);
    expect((await asAdmin(t, 'post', `/admin/users/${user.user.id}/disable`)).status).to.equal(204);
    expect((await withBearer(t, user.access_token)).status).to.equal(401);
    expect((await refresh(t, user.refresh_token)).status).to.equal(401);
    const right = await login(user.user.email);
    expect([right.status, right.body.type]).to.deep.equal([403, 'urn:auth-service:problem:account-disabled']);
    expect((await login(user.user.email, `${TEST_PASSWORD}!`)).status).to.equal(401);
    expect((await asAdmin(t, 'get', `/admin/users/${user.user.id}`)).body.disabledAt).to.be.a('string');
    expect((await asAdmin(t, 'post', `/admin/users/${user.user.id}/enable`)).status).to.equal(204);
    expect((await login(user.user.email)).status).to.equal(200);
  });

  it('ends every session of an account', async () => {
    const user = await registerAndLogin(t);
    expect((await asAdmin(t, 'delete', `/admin/users/${user.user.id}/sessions`)).status).to.equal(204);
    expect((await withBearer(t, user.access_token)).status).to.equal(401);
    expect((await refresh(t, user.refresh_token)).status).to.equal(401);
  });

  it('removes the second factors: the password alone logs in', async () => {
    const user = await enableTotp(t, await registerAndLogin(t));
    expect((await login(user.user.email)).status).to.equal(403);
    expect((await asAdmin(t, 'delete', `/admin/users/${user.user.id}/mfa`)).status).to.equal(204);
    expect((await login(user.user.email)).status).to.equal(200);
    expect(await t.query('SELECT user_id FROM recovery_codes WHERE user_id = ?', [user.user.id])).to.deep.equal([]);
  });
});
