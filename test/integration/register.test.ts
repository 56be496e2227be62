import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { expectProblem, JSON_UTF8 } from './support/problems.js';
import { usersByEmail } from './support/rows.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`POST /auth/register (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('answers 201 with the new account and Location: /users/me', async () => {
    const email = uniqueEmail();
    const res = await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD });
    expect(res.status).to.equal(201);
    expect(res.headers['content-type']).to.equal(JSON_UTF8);
    expect(res.headers.location).to.equal('/users/me');
    expect(res.body).to.have.all.keys('id', 'email', 'emailVerified', 'createdAt');
    expect(res.body).to.include({ email, emailVerified: false });
    expect(res.body.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Date(res.body.createdAt).toISOString()).to.equal(res.body.createdAt);
  });

  it('holds neither the password nor a hash in its answer', async () => {
    const res = await t.http().post('/auth/register').send({ email: uniqueEmail(), password: TEST_PASSWORD });
    expect(res.status).to.equal(201);
    expect(res.text).not.to.include(TEST_PASSWORD);
    expect(res.text).not.to.match(/\$2[aby]\$/);
    expect(res.text.toLowerCase()).not.to.include('password');
  });

  it('stores one row with a bcrypt hash of the password, never the password itself', async () => {
    const email = uniqueEmail();
    const res = await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD });
    const rows = await usersByEmail(t, email);
    expect(rows).to.have.length(1);
    expect(rows[0]!.id).to.equal(res.body.id);
    expect(rows[0]!.email).to.equal(email);
    expect(rows[0]!.password_hash).to.match(/^\$2b\$04\$[./A-Za-z0-9]{53}$/);
    expect(JSON.stringify(rows[0])).not.to.include(TEST_PASSWORD);
    expect(rows[0]!.email_verified_at).to.equal(null);
    expect(Number(rows[0]!.created_at)).to.equal(Date.parse(res.body.createdAt));
  });

  it('trims the e-mail and lower-cases its domain, keeping the local part as typed', async () => {
    const local = `Ann-${Date.now().toString(36)}`;
    const res = await t.http().post('/auth/register').send({ email: `  ${local}@Example.COM `, password: TEST_PASSWORD });
    expect(res.status).to.equal(201);
    expect(res.body.email).to.equal(`${local}@example.com`);
    const rows = await usersByEmail(t, `${local}@example.com`);
    expect(rows.map((row) => row.email)).to.deep.equal([`${local}@example.com`]);
  });

  it('refuses an address already registered in other letter case with 409 and keeps one row', async () => {
    const local = `ann-${Date.now().toString(36)}`;
    const first = await t.http().post('/auth/register').send({ email: `${local.toUpperCase()}@Example.com`, password: TEST_PASSWORD });
    expect(first.status).to.equal(201);
    const second = await t.http().post('/auth/register').send({ email: `${local}@example.com`, password: TEST_PASSWORD });
    expectProblem(second, 409);
    expect(second.headers.location).to.equal(undefined);
    const rows = await usersByEmail(t, `${local}@example.com`);
    expect(rows.map((row) => row.id)).to.deep.equal([first.body.id]);
  });
});
