import { expect } from 'chai';
import type { Response } from 'supertest';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

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
