import { expect } from 'chai';
import { registerAndLogin, type LoggedIn } from './support/accounts.js';
import { JSON_UTF8 } from './support/problems.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`GET /users/me (${databaseKind()})`, () => {
  let t: TestService;
  let session: LoggedIn;
  before(async () => {
    t = await startTestService();
    session = await registerAndLogin(t);
  });
  after(async () => {
    await t?.stop();
  });

  it('answers 200 with the account the access token belongs to', async () => {
    const res = await t.http().get('/users/me').set('Authorization', `Bearer ${session.access_token}`);
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal(JSON_UTF8);
    expect(res.body).to.deep.equal({ ...session.user, emailVerifiedAt: null, mfaEnabled: false });
  });

  it('is never to be stored by a cache: Cache-Control no-store, as the session list', async () => {
    const res = await t.http().get('/users/me').set('Authorization', `Bearer ${session.access_token}`);
    expect([res.status, res.headers['cache-control']]).to.deep.equal([200, 'no-store']);
  });

  it('holds neither a hash nor a token in its answer', async () => {
    const res = await t.http().get('/users/me').set('Authorization', `Bearer ${session.access_token}`);
    expect(res.text).not.to.match(/\$2[aby]\$/);
    expect(res.text).not.to.include(session.access_token.split('.')[2]!);
    expect(res.text).not.to.include(session.refresh_token);
    expect(res.text).not.to.include(session.password);
  });

  it('accepts the scheme name in lower case (RFC 9110 §11.1)', async () => {
    const res = await t.http().get('/users/me').set('Authorization', `bearer ${session.access_token}`);
    expect(res.status).to.equal(200);
    expect(res.body.id).to.equal(session.user.id);
  });

  it('shows the address as stored, after the account was registered with surrounding spaces', async () => {
    const other = await registerAndLogin(t, `  Spaced-${Date.now().toString(36)}@Example.ORG `);
    const res = await t.http().get('/users/me').set('Authorization', `Bearer ${other.access_token}`);
    expect(res.body.email).to.equal(other.user.email).and.to.match(/^Spaced-[a-z0-9]+@example\.org$/);
  });
});
