import { expect } from 'chai';
import type { Response } from 'supertest';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { expectMatchesContract } from '../support/contract.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

/** Each answer a client can get today, checked against the document the service publishes. */
describe(`responses match the OpenAPI document (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  async function expectContract(res: Response, status: number): Promise<void> {
    expect(res.status, res.text).to.equal(status);
    await expectMatchesContract(res);
  }

  const register = (body: object) => t.http().post('/auth/register').send(body);
  const login = (body: object) => t.http().post('/auth/login').send(body);
  const postRaw = (body: string, contentType: string) => t.http().post('/auth/register').set('Content-Type', contentType).send(body);

  it('register: 201 with the account', async () => {
    await expectContract(await register({ email: uniqueEmail(), password: TEST_PASSWORD }), 201);
  });

  it('register: 409 for an address already registered', async () => {
    const email = uniqueEmail();
    expect((await register({ email, password: TEST_PASSWORD })).status).to.equal(201);
    await expectContract(await register({ email, password: TEST_PASSWORD }), 409);
  });

  it('register: 422 with errors[] for a short password and an unknown property', async () => {
    await expectContract(await register({ email: uniqueEmail(), password: 'short', role: 'admin' }), 422);
  });

  it('register: 422 for a password that breaks the policy (a domain refusal, not the schema)', async () => {
    await expectContract(await register({ email: uniqueEmail(), password: 'short' }), 422);
  });

  it('login: 200 with the token response', async () => {
    const email = uniqueEmail();
    await register({ email, password: TEST_PASSWORD });
    await expectContract(await login({ email, password: TEST_PASSWORD }), 200);
  });

  it('login: 401 for a wrong password', async () => {
    const email = uniqueEmail();
    await register({ email, password: TEST_PASSWORD });
    await expectContract(await login({ email, password: `${TEST_PASSWORD}!` }), 401);
  });

  it('login: 422 for a body without a password', async () => {
    await expectContract(await login({ email: uniqueEmail() }), 422);
  });

  it('users/me: 200 with the account of the access token', async () => {
    const session = await registerAndLogin(t);
    await expectContract(await t.http().get('/users/me').set('Authorization', `Bearer ${session.access_token}`), 200);
  });

  it('users/me: 401 without a token', async () => {
    await expectContract(await t.http().get('/users/me'), 401);
  });

  it('health/live: 200', async () => {
    await expectContract(await t.http().get('/health/live'), 200);
  });

  it('an unknown path: the documented 404', async () => {
    await expectContract(await t.http().get('/no/such/thing'), 404);
  });

  it('a known path with another method: the documented 405 with Allow', async () => {
    await expectContract(await t.http().delete('/auth/login'), 405);
  });

  it('a body that is not JSON: 415', async () => {
    await expectContract(await postRaw(JSON.stringify({ email: uniqueEmail(), password: TEST_PASSWORD }), 'text/plain'), 415);
  });

  it('a body over the limit: 413', async () => {
    await expectContract(await register({ email: uniqueEmail(), password: 'x'.repeat(17 * 1024) }), 413);
  });

  it('malformed JSON: 400', async () => {
    await expectContract(await postRaw('{"email": ', 'application/json'), 400);
  });

  it('refresh: 200 with the next token pair, then 401 for an unknown token', async () => {
    const session = await registerAndLogin(t);
    await expectContract(await t.http().post('/auth/refresh').send({ refreshToken: session.refresh_token }), 200);
    await expectContract(await t.http().post('/auth/refresh').send({ refreshToken: 'unknown-token' }), 401);
  });

  it('logout: 204 without a body', async () => {
    const session = await registerAndLogin(t);
    await expectContract(await t.http().post('/auth/logout').send({ refreshToken: session.refresh_token }), 204);
  });

  it('sessions: 200 with the list, and 404 when revoking one that is not the caller’s', async () => {
    const session = await registerAndLogin(t);
    const bearer = `Bearer ${session.access_token}`;
    await expectContract(await t.http().get('/users/me/sessions').set('Authorization', bearer), 200);
    await expectContract(await t.http().delete('/users/me/sessions/0f8fad5b-d9cb-469f-a165-70867728950e').set('Authorization', bearer), 404);
  });

  it('health/ready and metrics: 200', async () => {
    await expectContract(await t.http().get('/health/ready'), 200);
    await expectContract(await t.http().get('/metrics'), 200);
  });

  it('jwks: 404 while tokens are signed with a shared secret', async () => {
    await expectContract(await t.http().get('/.well-known/jwks.json'), 404);
  });

  it('the document itself and the Swagger UI page: 200', async () => {
    for (const path of ['/openapi.json', '/docs']) {
      await expectContract(await t.http().get(path), 200);
    }
  });

  it('each file of Swagger UI: 200, served though left out of the document', async () => {
    for (const path of ['/docs/swagger-ui.min.css', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui-standalone-preset.js', '/docs/favicon-32x32.png']) {
      expect((await t.http().get(path)).status, path).to.equal(200);
    }
  });
});
