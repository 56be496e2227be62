import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`request log (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('writes one "request" line per request, with its id, method, route template, status and duration', async () => {
    const email = uniqueEmail();
    const calls = [
      { send: () => t.http().post('/auth/register').send({ email, password: TEST_PASSWORD }), method: 'POST', route: '/auth/register', status: 201 },
      { send: () => t.http().post('/auth/login').send({ email, password: TEST_PASSWORD }), method: 'POST', route: '/auth/login', status: 200 },
      { send: () => t.http().get('/users/me'), method: 'GET', route: '/users/me', status: 401 },
      { send: () => t.http().get('/openapi.json'), method: 'GET', route: '/openapi.json', status: 200 },
      { send: () => t.http().get('/no/such/path?token=x'), method: 'GET', route: null, status: 404 },
    ];
    for (const call of calls) {
      const res = await call.send();
      const requestId = res.headers['x-request-id'] as string;
      const lines = t.logs.requestLines(requestId);
      expect(lines, `${call.method} ${String(call.route)}`).to.have.length(1);
      expect(lines[0]).to.include({ method: call.method, route: call.route, status: call.status });
      expect(lines[0]!.durationMs).to.be.a('number').that.is.at.least(0);
    }
  });

  it('logs a successful health probe at debug only, so that probes do not drown the traffic', async () => {
    const res = await t.http().get('/health/live').expect(200);
    expect(t.logs.requestLines(res.headers['x-request-id'] as string)).to.have.length(0);
  });

  it('names the account in the request line once the caller is known', async () => {
    const email = uniqueEmail();
    const registered = await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD });
    const login = await t.http().post('/auth/login').send({ email, password: TEST_PASSWORD });
    const [line] = t.logs.requestLines(login.headers['x-request-id'] as string);
    expect(line?.userId).to.equal(registered.body.id);
  });

  it('never writes a password or a token, whatever route it was sent to', async () => {
    const canaryPassword = `canary-password-${randomBytes(8).toString('hex')}`;
    const canaryToken = `canary-token-${randomBytes(8).toString('hex')}`;
    const email = uniqueEmail();
    await t.http().post('/auth/register').set('Authorization', `Bearer ${canaryToken}`).send({ email, password: canaryPassword }).expect(201);
    const login = await t.http().post('/auth/login').send({ email, password: canaryPassword }).expect(200);
    await t.http().post('/auth/login').send({ email, password: `${canaryPassword}-wrong` }).expect(401);
    await t.http().post('/auth/login').send({ email, password: canaryPassword, token: canaryToken }).expect(422);
    await t.http().get('/users/me').set('Authorization', `Bearer ${login.body.access_token}`).expect(200);
    await t.http().get('/users/me').set('Authorization', `Bearer ${canaryToken}`).expect(401);
    await t.http().post('/auth/register').set('Content-Type', 'application/json').send(`{"password":"${canaryPassword}",`).expect(400);
    const text = t.logs.text();
    expect(text).to.include(login.headers['x-request-id'] as string);
    for (const secret of [canaryPassword, canaryToken, login.body.access_token, login.body.refresh_token]) {
      expect(text).not.to.include(secret);
    }
    // Nor a piece of one: the access token's signature, or its payload.
    expect(text).not.to.include((login.body.access_token as string).split('.')[2]);
  });
});
