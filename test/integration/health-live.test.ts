import { expect } from 'chai';
import { JSON_UTF8 } from './support/problems.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`GET /health/live (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('answers 200 {status: "ok"}', async () => {
    const res = await t.http().get('/health/live');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal(JSON_UTF8);
    expect(res.body).to.deep.equal({ status: 'ok' });
  });
});
