import { expect } from 'chai';
import { registerAndLogin } from '../support/accounts.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { ADMIN_KEY } from './admin-support.js';

const ADMIN_PATHS: ReadonlyArray<['get' | 'post' | 'delete', string]> = [
  ['get', '/admin/users'],
  ['get', '/admin/users/00000000-0000-4000-8000-000000000000'],
  ['post', '/admin/users'],
  ['post', '/admin/users/00000000-0000-4000-8000-000000000000/disable'],
  ['post', '/admin/users/00000000-0000-4000-8000-000000000000/enable'],
  ['delete', '/admin/users/00000000-0000-4000-8000-000000000000/sessions'],
  ['delete', '/admin/users/00000000-0000-4000-8000-000000000000/mfa'],
  ['delete', '/admin/users/00000000-0000-4000-8000-000000000000'],
  ['get', '/admin/audit-events'],
];

describe(`Admin API: off without ADMIN_API_KEY (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  for (const [method, path] of ADMIN_PATHS) {
    it(`answers ${method.toUpperCase()} ${path} 404, even with a key`, async () => {
      const res = await t.http()[method](path).set('Authorization', `Bearer ${ADMIN_KEY}`);
      expect([res.status, res.headers['content-type']]).to.deep.equal([404, 'application/problem+json; charset=utf-8']);
    });
  }

  it('leaves the admin routes and their scheme out of the OpenAPI document', async () => {
    const document = (await t.http().get('/openapi.json')).body;
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/admin'))).to.deep.equal([]);
    expect(document.components.securitySchemes).not.to.have.property('adminKey');
  });
});

describe(`Admin API: only ADMIN_API_KEY opens it (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ ADMIN_API_KEY: ADMIN_KEY });
  });
  after(async () => {
    await t?.stop();
  });

  for (const [method, path] of ADMIN_PATHS) {
    it(`answers ${method.toUpperCase()} ${path} 401 with a wrong key`, async () => {
      const res = await t.http()[method](path).set('Authorization', `Bearer ${ADMIN_KEY}x`);
      expect([res.status, res.headers['www-authenticate']]).to.deep.equal([401, 'Bearer realm="admin"']);
    });
  }

  it('answers 401 without Authorization', async () => {
    expect((await t.http().get('/admin/users')).status).to.equal(401);
  });

  it('answers 401 to a user’s valid access token', async () => {
    const user = await registerAndLogin(t);
    const res = await t.http().get('/admin/users').set('Authorization', `Bearer ${user.access_token}`);
    expect([res.status, res.body.type]).to.deep.equal([401, 'about:blank']);
  });

  it('answers 200 with the key', async () => {
    const res = await t.http().get('/admin/users').set('Authorization', `Bearer ${ADMIN_KEY}`);
    expect(res.status).to.equal(200);
  });

  it('documents the admin routes under their own security scheme', async () => {
    const document = (await t.http().get('/openapi.json')).body;
    expect(document.components.securitySchemes.adminKey).to.include({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/admin/users'].get.security).to.deep.equal([{ adminKey: [] }]);
  });

  it('still answers an unknown /admin path 404', async () => {
    expect((await t.http().get('/admin/nothing').set('Authorization', `Bearer ${ADMIN_KEY}`)).status).to.equal(404);
  });
});
