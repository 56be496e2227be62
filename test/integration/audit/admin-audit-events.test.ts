import { expect } from 'chai';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail } from '../support/accounts.js';
import { fieldErrorsOf } from '../support/problems.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { ADMIN_KEY, asAdmin } from '../admin/admin-support.js';

describe(`GET /admin/audit-events (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ ADMIN_API_KEY: ADMIN_KEY, LOGIN_MAX_FAILURES: '1000' });
  });
  after(async () => {
    await t?.stop();
  });

  const failLogin = (email: string, requestId: string) => t.http().post('/auth/login').set('X-Request-Id', requestId).send({ email, password: `${TEST_PASSWORD}!` });

  it('walks 7 events 3 at a time, newest first, each once, though events are written between pages', async () => {
    const user = await registerAndLogin(t);
    const path = `/admin/audit-events?userId=${user.user.id}&type=login.failed&limit=3`;
    for (let n = 1; n <= 7; n += 1) await failLogin(user.user.email, `walk-${n}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const res = await asAdmin(t, 'get', `${path}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.items.length).to.be.at.most(3);
      seen.push(...res.body.items.map((item: { requestId: string }) => item.requestId));
      cursor = res.body.nextCursor;
      if (!cursor) break;
      await failLogin(user.user.email, `later-${page}`);
    }
    expect(seen).to.deep.equal(['walk-7', 'walk-6', 'walk-5', 'walk-4', 'walk-3', 'walk-2', 'walk-1']);
  });

  it('filters by type and by time, since inclusive and until exclusive', async () => {
    const user = await registerAndLogin(t);
    const all = await asAdmin(t, 'get', `/admin/audit-events?userId=${user.user.id}`);
    expect(all.body.items.map((item: { type: string }) => item.type)).to.deep.equal(['login.succeeded', 'user.registered']);
    const [login, registered] = all.body.items as Array<{ at: string; id: string }>;
    const since = await asAdmin(t, 'get', `/admin/audit-events?userId=${user.user.id}&since=${login!.at}`);
    expect(since.body.items.map((item: { id: string }) => item.id)).to.include(login!.id);
    const until = await asAdmin(t, 'get', `/admin/audit-events?userId=${user.user.id}&until=${registered!.at}`);
    expect(until.body.items).to.deep.equal([]);
    const typed = await asAdmin(t, 'get', `/admin/audit-events?userId=${user.user.id}&type=user.registered`);
    expect(typed.body.items.map((item: { id: string }) => item.id)).to.deep.equal([registered!.id]);
  });

  it('answers 200 with the event’s fields, the unknown address’s failure without an account', async () => {
    const email = uniqueEmail('nobody');
    await failLogin(email, 'unknown-address');
    const res = await asAdmin(t, 'get', '/admin/audit-events?type=login.failed&limit=100');
    const item = res.body.items.find((event: { requestId: string }) => event.requestId === 'unknown-address');
    expect(item).to.include({ type: 'login.failed', userId: null, sessionId: null, ip: '127.0.0.1' });
    expect(item.details).to.deep.equal({ reason: 'unknown_email', during: 'login' });
    expect(JSON.stringify(res.body)).not.to.include(email);
  });

  const refusals: ReadonlyArray<[string, string]> = [
    ['limit=0', '/limit'],
    ['limit=101', '/limit'],
    ['limit=ten', '/limit'],
    ['cursor=not-a-cursor', '/cursor'],
    [`cursor=${Buffer.from('12:x').toString('base64url')}`, '/cursor'],
    ['since=yesterday', '/since'],
    ['since=2026-13-45T99:00:00Z', '/since'],
    ['until=2026-12-01', '/until'],
    ['until=2026-02-30T00:00:00Z', '/until'],
    ['since=2026-12-01T10:00:00', '/since'],
    ['type=user.hacked', '/type'],
  ];
  for (const [query, pointer] of refusals) {
    it(`answers ${query} 422 problem+json on ${pointer}, never 500`, async () => {
      const res = await asAdmin(t, 'get', `/admin/audit-events?${query}`);
      expect(fieldErrorsOf(res).map((error) => error.split(' ')[0])).to.deep.equal([pointer]);
    });
  }

  it('takes a time with an offset, and fractions of a second', async () => {
    const res = await asAdmin(t, 'get', `/admin/audit-events?since=${encodeURIComponent('2026-12-01T10:00:00.5+01:00')}&until=2999-01-01T00:00Z`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
  });

  it('answers 401 without the admin key, and to a user’s access token', async () => {
    const user = await registerAndLogin(t);
    expect((await t.http().get('/admin/audit-events')).status).to.equal(401);
    expect((await t.http().get('/admin/audit-events').set('Authorization', `Bearer ${user.access_token}`)).status).to.equal(401);
  });

  it('is in the OpenAPI document under the admin security scheme', async () => {
    const document = (await t.http().get('/openapi.json')).body;
    expect(document.paths['/admin/audit-events'].get.security).to.deep.equal([{ adminKey: [] }]);
  });
});
