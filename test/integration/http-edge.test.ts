import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { expectProblem } from './support/problems.js';
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

  // The contract (API.md, "Conventions") lets the body parser refuse prototype poisoning with 400.
  it('refuses a body with a __proto__ member with 400 and stores nothing', async () => {
    const email = uniqueEmail();
    const res = await postRaw(`{"email":"${email}","password":"${TEST_PASSWORD}","__proto__":{"role":"admin"}}`);
    expectProblem(res, 400);
    expect(await usersByEmail(t, email)).to.have.length(0);
  });

  // RFC 8259 §8.1: JSON text is UTF-8. A lenient decoder turns each bad sequence into U+FFFD,
  // so the account would be made with an e-mail or password the client never sent.
  it('refuses a body whose bytes are not valid UTF-8 with 400 and stores nothing', async () => {
    const bad = {
      'a stray 0xFF byte': [0xff],
      'an encoded surrogate (CESU-8)': [0xed, 0xa0, 0x80],
      'an overlong encoding of "/"': [0xc0, 0xaf],
      'a sequence cut short': [0xe2, 0x82],
    };
    for (const [name, bytes] of Object.entries(bad)) {
      const email = uniqueEmail();
      const [local, domain] = email.split('@');
      const inPassword = Buffer.concat([Buffer.from(`{"email":"${email}","password":"${TEST_PASSWORD}`), Buffer.from(bytes), Buffer.from('"}')]);
      const inEmail = Buffer.concat([Buffer.from(`{"email":"${local}`), Buffer.from(bytes), Buffer.from(`@${domain}","password":"${TEST_PASSWORD}"}`)]);
      for (const body of [inPassword, inEmail]) {
        // serialize: superagent would otherwise send a Buffer as the JSON of its bytes.
        const res = await t.http().post('/auth/register').set('Content-Type', 'application/json; charset=utf-8').serialize((bytes: Buffer) => bytes as unknown as string).send(body);
        expect(res.status, `${name}: ${JSON.stringify(res.body)}`).to.equal(400);
        expectProblem(res, 400);
      }
      // Whatever a lenient decoder would have made of the address, it starts with the unique local part.
      expect(await t.query('SELECT id FROM users WHERE email_canonical LIKE ?', [`${local}%`]), name).to.have.length(0);
    }
  });
});
