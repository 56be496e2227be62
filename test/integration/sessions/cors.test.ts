import { expect } from 'chai';
import type { Response } from 'supertest';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const APP = 'https://app.example.com';
const OTHER = 'https://evil.example.net';

const corsHeadersOf = (res: Response) => Object.keys(res.headers).filter((name) => name.startsWith('access-control-'));

describe(`CORS with CORS_ORIGINS=${APP} (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ CORS_ORIGINS: APP });
  });
  after(async () => {
    await t?.stop();
  });

  it('allows the configured origin by name, without allowing credentials', async () => {
    const res = await t.http().get('/health/live').set('Origin', APP);
    expect(res.headers['access-control-allow-origin']).to.equal(APP);
    expect(res.headers).not.to.have.property('access-control-allow-credentials');
  });

  it('sends no CORS headers to another origin', async () => {
    const res = await t.http().get('/health/live').set('Origin', OTHER);
    expect(corsHeadersOf(res)).to.deep.equal([]);
  });

  it('lets the allowed origin read a problem answer and its request id', async () => {
    const res = await t.http().get('/users/me').set('Origin', APP);
    expect(res.status).to.equal(401);
    expect(res.headers['access-control-allow-origin']).to.equal(APP);
    expect(res.headers['access-control-expose-headers']).to.match(/X-Request-Id/i);
  });

  it('answers a preflight from the allowed origin with the methods and the Authorization header', async () => {
    const res = await t
      .http()
      .options('/users/me/password')
      .set('Origin', APP)
      .set('Access-Control-Request-Method', 'PUT')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(res.status).to.equal(204);
    expect(res.headers['access-control-allow-origin']).to.equal(APP);
    expect(res.headers['access-control-allow-methods']).to.include('PUT');
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).to.include('authorization');
  });

  it('grants nothing to a preflight from another origin', async () => {
    const res = await t.http().options('/auth/login').set('Origin', OTHER).set('Access-Control-Request-Method', 'POST');
    expect(corsHeadersOf(res)).to.deep.equal([]);
  });
});

describe(`CORS without CORS_ORIGINS (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('sends no CORS headers, whatever the Origin', async () => {
    const res = await t.http().get('/health/live').set('Origin', APP);
    expect(corsHeadersOf(res)).to.deep.equal([]);
  });
});
