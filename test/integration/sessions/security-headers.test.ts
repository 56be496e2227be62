import { expect } from 'chai';
import type { Response } from 'supertest';
import { registerAndLogin, type LoggedIn } from '../support/accounts.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'referrer-policy',
  'x-content-type-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-download-options',
  'x-xss-protection',
  'x-dns-prefetch-control',
  'origin-agent-cluster',
];

function expectHardened(res: Response): void {
  expect(res.headers['x-content-type-options']).to.equal('nosniff');
  expect(res.headers['x-frame-options']).to.equal('DENY');
  expect(res.headers['referrer-policy']).to.equal('no-referrer');
  expect(res.headers).not.to.have.property('x-powered-by');
}

describe(`security headers (${databaseKind()})`, () => {
  let t: TestService;
  let proxied: TestService;
  before(async () => {
    t = await startTestService();
    proxied = await startTestService({ TRUST_PROXY: 'true' });
  });
  after(async () => {
    await proxied?.stop();
    await t?.stop();
  });

  it('hardens a success: nosniff, X-Frame-Options DENY, no referrer, no X-Powered-By', async () => {
    const res = await t.http().get('/health/live');
    expect(res.status).to.equal(200);
    expectHardened(res);
  });

  it('hardens a problem answer alike', async () => {
    const res = await t.http().post('/auth/login').send({ email: 'nobody@example.com', password: 'x'.repeat(20) });
    expect(res.status).to.equal(401);
    expectHardened(res);
  });

  it('sends the headers a JSON API needs, and none that only a document or a retired browser reads', async () => {
    const res = await t.http().post('/auth/login').send({ email: 'nobody@example.com', password: 'x'.repeat(20) });
    const security = Object.fromEntries(SECURITY_HEADERS.map((name) => [name, res.headers[name]]));
    expect(security).to.deep.equal({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'x-permitted-cross-domain-policies': 'none',
      // IE 8's download prompt, the retired XSS auditors, DNS prefetching and origin-keyed
      // agent clusters: each concerns a page a browser renders, never this JSON.
      'x-download-options': undefined,
      'x-xss-protection': undefined,
      'x-dns-prefetch-control': undefined,
      'origin-agent-cluster': undefined,
    });
  });

  // GET /users/me and the token answers have their whole head written in one call
  // (json-answer.ts); every other answer goes through Koa. Both must carry the same headers.
  describe('on a JSON answer whose head is written in one call', () => {
    let session: LoggedIn;
    before(async () => {
      session = await registerAndLogin(t);
    });

    const securityOf = (res: Response) => Object.fromEntries(SECURITY_HEADERS.map((name) => [name, res.headers[name]]));
    const problemAnswer = () => t.http().post('/auth/login').send({ email: 'nobody@example.com', password: 'x'.repeat(20) });

    it('GET /users/me: the security headers of every other answer, the caller\'s request id, no-store and its exact length', async () => {
      const res = await t.http().get('/users/me').set('Authorization', `Bearer ${session.access_token}`).set('X-Request-Id', 'trace-me-1');
      expect(res.status).to.equal(200);
      expect(securityOf(res)).to.deep.equal(securityOf(await problemAnswer()));
      expectHardened(res);
      expect(res.headers['x-request-id']).to.equal('trace-me-1');
      expect(res.headers['cache-control']).to.equal('no-store');
      expect(res.headers['content-length']).to.equal(String(Buffer.byteLength(res.text)));
    });

    it('a login\'s token answer: no-store, Pragma: no-cache, a request id and the same security headers', async () => {
      const res = await t.http().post('/auth/login').send({ email: session.user.email, password: session.password });
      expect(res.status).to.equal(200);
      expect(securityOf(res)).to.deep.equal(securityOf(await problemAnswer()));
      expect([res.headers['cache-control'], res.headers.pragma]).to.deep.equal(['no-store', 'no-cache']);
      expect(res.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
    });

    it('HEAD /users/me: the head of GET, with its length, and no body', async () => {
      const get = await t.http().get('/users/me').set('Authorization', `Bearer ${session.access_token}`);
      const head = await t.http().head('/users/me').set('Authorization', `Bearer ${session.access_token}`);
      expect(head.status).to.equal(200);
      expect(securityOf(head)).to.deep.equal(securityOf(get));
      expect(head.headers['content-length']).to.equal(get.headers['content-length']);
      expect(head.text ?? '').to.equal('');
    });

    it('Strict-Transport-Security on GET /users/me with TRUST_PROXY=true and X-Forwarded-Proto: https', async () => {
      const own = await registerAndLogin(proxied);
      const res = await proxied.http().get('/users/me').set('Authorization', `Bearer ${own.access_token}`).set('X-Forwarded-Proto', 'https');
      expect(res.status).to.equal(200);
      expect(res.headers['strict-transport-security']).to.match(/^max-age=[1-9][0-9]*/);
    });
  });

  it('sends no Strict-Transport-Security over plain HTTP', async () => {
    expect((await t.http().get('/health/live')).headers).not.to.have.property('strict-transport-security');
  });

  it('ignores X-Forwarded-Proto: https without TRUST_PROXY', async () => {
    const res = await t.http().get('/health/live').set('X-Forwarded-Proto', 'https');
    expect(res.headers).not.to.have.property('strict-transport-security');
  });

  it('sends Strict-Transport-Security with TRUST_PROXY=true and X-Forwarded-Proto: https', async () => {
    const res = await proxied.http().get('/health/live').set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).to.match(/^max-age=[1-9][0-9]*/);
  });

  it('sends no Strict-Transport-Security with TRUST_PROXY=true when the proxy says http', async () => {
    const res = await proxied.http().get('/health/live').set('X-Forwarded-Proto', 'http');
    expect(res.headers).not.to.have.property('strict-transport-security');
  });
});
