import { expect } from 'chai';
import { expectProblem } from './support/problems.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

// The contract's sane id: at most 128 characters of [A-Za-z0-9._:-].
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

describe(`X-Request-Id (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('echoes a sane id sent by the caller', async () => {
    const res = await t.http().get('/health/live').set('X-Request-Id', 'abc-123');
    expect(res.headers['x-request-id']).to.equal('abc-123');
  });

  it('echoes a sane id in a problem body as requestId', async () => {
    const res = await t.http().get('/nowhere').set('X-Request-Id', 'trace:42.a_b');
    expectProblem(res, 404);
    expect(res.body.requestId).to.equal('trace:42.a_b');
  });

  it('gives a fresh id to a request that sent none', async () => {
    const res = await t.http().get('/health/live');
    expect(res.headers['x-request-id']).to.match(SANE_ID);
  });

  it('gives distinct fresh ids to distinct requests', async () => {
    const [a, b] = await Promise.all([t.http().get('/health/live'), t.http().get('/health/live')]);
    expect(a.headers['x-request-id']).not.to.equal(b.headers['x-request-id']);
  });

  it('replaces an id of 200 characters', async () => {
    const res = await t.http().get('/nowhere').set('X-Request-Id', 'a'.repeat(200));
    expect(res.headers['x-request-id']).to.match(SANE_ID).and.not.to.include('a'.repeat(129));
    expectProblem(res, 404);
  });

  it('accepts an id of exactly 128 characters', async () => {
    const res = await t.http().get('/health/live').set('X-Request-Id', 'b'.repeat(128));
    expect(res.headers['x-request-id']).to.equal('b'.repeat(128));
  });

  it('replaces an id containing spaces', async () => {
    const res = await t.http().get('/health/live').set('X-Request-Id', 'abc 123');
    expect(res.headers['x-request-id']).to.match(SANE_ID).and.not.to.equal('abc 123');
  });

  it('replaces an id that tries to forge a log field', async () => {
    const res = await t.http().get('/health/live').set('X-Request-Id', '"},"level":60,"x":"');
    expect(res.headers['x-request-id']).to.match(SANE_ID);
  });
});
