import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { attemptLogin, registerFrom } from './support/client-address.js';
import { samplesOf, scrape, valueOf } from './support/metrics-scrape.js';
import { expectProblem } from './support/problems.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';
import { WRONG_PASSWORD } from './support/throttle-answers.js';

describe(`GET /metrics (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    // One failure is enough to be throttled: the third outcome can be seen moving too.
    t = await startTestService({ LOGIN_MAX_FAILURES: '1' });
  });
  after(async () => {
    await t?.stop();
  });

  const logins = async (outcome: string) => valueOf(await scrape(t), 'auth_logins_total', { outcome });

  it('answers Prometheus text with the process and Node.js metrics', async () => {
    const text = await scrape(t);
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_gc_duration_seconds']) {
      expect(text).to.include(`# TYPE ${name} `);
    }
  });

  it('counts a registration in auth_registrations_total, and not a refused one', async () => {
    const before = valueOf(await scrape(t), 'auth_registrations_total');
    const email = await registerFrom(t, null);
    await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD }).expect(409);
    expect(valueOf(await scrape(t), 'auth_registrations_total')).to.equal(before! + 1);
  });

  it('counts a successful login as outcome="success"', async () => {
    const email = await registerFrom(t, null);
    const before = await logins('success');
    expect((await attemptLogin(t, email, TEST_PASSWORD)).status).to.equal(200);
    expect(await logins('success')).to.equal(before! + 1);
  });

  it('counts a wrong password as outcome="invalid_credentials"', async () => {
    const email = await registerFrom(t, null);
    const before = await logins('invalid_credentials');
    expect((await attemptLogin(t, email, WRONG_PASSWORD)).status).to.equal(401);
    expect(await logins('invalid_credentials')).to.equal(before! + 1);
  });

  it('counts a refused, throttled login as outcome="throttled"', async () => {
    const email = await registerFrom(t, null);
    await attemptLogin(t, email, WRONG_PASSWORD);
    const before = await logins('throttled');
    expect((await attemptLogin(t, email, WRONG_PASSWORD)).status).to.equal(429);
    expect(await logins('throttled')).to.equal(before! + 1);
  });

  it('times requests by method, route template and status', async () => {
    await t.http().get('/users/me').expect(401);
    await t.http().delete('/users/me/sessions/3f1c1f5e-8d0a-4f5e-9c61-0d6a7f0e1a2b').expect(401);
    const text = await scrape(t);
    expect(valueOf(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/users/me', status: '401' })).to.be.at.least(1);
    expect(valueOf(text, 'http_request_duration_seconds_count', { method: 'DELETE', route: '/users/me/sessions/:id', status: '401' })).to.be.at.least(1);
    expect(valueOf(text, 'http_request_duration_seconds_bucket', { method: 'GET', route: '/users/me', status: '401', le: '+Inf' })).to.be.at.least(1);
  });

  it('labels unknown paths "unmatched", so that no raw path, id or e-mail becomes a label', async () => {
    const email = uniqueEmail('in-a-path');
    await t.http().get(`/users/${email}/profile?token=abc`).expect(404);
    await t.http().patch('/users/me').expect(405);
    const text = await scrape(t);
    expect(valueOf(text, 'http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status: '404' })).to.be.at.least(1);
    expect(valueOf(text, 'http_request_duration_seconds_count', { method: 'PATCH', route: 'unmatched', status: '405' })).to.be.at.least(1);
    expect(text).not.to.include(email);
    const routes = new Set(samplesOf(text).flatMap((sample) => (sample.labels.route === undefined ? [] : [sample.labels.route])));
    for (const route of routes) expect(route, 'a route label').to.match(/^(unmatched|\/[a-z0-9/._:-]*)$/);
  });
});

describe(`GET /metrics with METRICS_TOKEN (${databaseKind()})`, () => {
  const token = 'scrape-token-0123456789abcdef';
  let t: TestService;
  before(async () => {
    t = await startTestService({ METRICS_TOKEN: token });
  });
  after(async () => {
    await t?.stop();
  });

  it('answers the configured bearer token with the metrics', async () => {
    expect(await scrape(t, token)).to.include('auth_logins_total');
  });

  for (const [what, authorization] of [
    ['no Authorization header', null],
    ['another token', 'Bearer scrape-token-0123456789abcdeX'],
    ['the token under another scheme', `Basic ${token}`],
  ] as const) {
    it(`refuses ${what} with a 401 problem and WWW-Authenticate`, async () => {
      const request = t.http().get('/metrics');
      const res = await (authorization ? request.set('Authorization', authorization) : request);
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).to.equal('Bearer realm="metrics"');
      expect(res.text).not.to.include('auth_logins_total');
    });
  }
});
