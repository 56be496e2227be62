import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { expectProblem, fieldErrorsOf } from './support/problems.js';
import { usersByEmail } from './support/rows.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`HTTP edge refusals (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  /** POSTs a raw body to /auth/register with the given Content-Type. */
  function postRaw(body: string, contentType = 'application/json') {
    return t.http().post('/auth/register').set('Content-Type', contentType).send(body);
  }

  it('answers an unknown path with 404 problem+json', async () => {
    expectProblem(await t.http().get('/no/such/thing'), 404);
  });

  it('answers an unknown path with 404 whatever the method', async () => {
    expectProblem(await t.http().post('/auth/nowhere').send({}), 404);
  });

  it('answers GET on a POST-only route with 405 and Allow: POST', async () => {
    const res = await t.http().get('/auth/login');
    expectProblem(res, 405);
    expect(res.headers.allow).to.equal('POST');
  });

  it('refuses a text/plain body with 415, even when it holds valid JSON, and stores nothing', async () => {
    const email = uniqueEmail();
    expectProblem(await postRaw(JSON.stringify({ email, password: TEST_PASSWORD }), 'text/plain'), 415);
    expect(await usersByEmail(t, email)).to.have.length(0);
  });

  it('accepts application/json with charset=UTF-8 spelled in capitals', async () => {
    const res = await postRaw(JSON.stringify({ email: uniqueEmail(), password: TEST_PASSWORD }), 'application/json; charset=UTF-8');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
  });

  // The contract takes JSON as application/json; charset=utf-8 (and json-body.ts promises 415
  // for another charset): a latin1 body would otherwise be read as UTF-8 and its é mangled.
  it('refuses a JSON body declared in another charset (latin1) with 415 and stores nothing', async () => {
    const email = uniqueEmail();
    const res = await postRaw(JSON.stringify({ email, password: TEST_PASSWORD }), 'application/json; charset=latin1');
    expectProblem(res, 415);
    expect(await usersByEmail(t, email)).to.have.length(0);
  });

  it('refuses malformed JSON with 400', async () => {
    expectProblem(await postRaw('{"email": "ann@example.com", "password": '), 400);
  });

  it('refuses a JSON string as the body with 400', async () => {
    expectProblem(await postRaw('"ann@example.com"'), 400);
  });

  it('refuses a JSON number as the body with 400', async () => {
    expectProblem(await postRaw('42'), 400);
  });

  it('refuses a body over 16 KiB with 413', async () => {
    const res = await postRaw(JSON.stringify({ email: uniqueEmail(), password: 'x'.repeat(17 * 1024) }));
    expectProblem(res, 413);
  });

  // "__proto__" is a legal member name (RFC 8259): the body is valid JSON with an unknown property.
  it('answers a __proto__ member as an unknown property: 422, not 400 "not valid JSON", and stores nothing', async () => {
    const email = uniqueEmail();
    const res = await postRaw(`{"email":"${email}","password":"${TEST_PASSWORD}","__proto__":{"role":"admin"}}`);
    expect(fieldErrorsOf(res)).to.include('/__proto__ unknown_property');
    expect(await usersByEmail(t, email)).to.have.length(0);
  });
});
