import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { usersByEmail } from './support/rows.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`password hash upgrade at login (${databaseKind()})`, () => {
  let weak: TestService;
  let strong: TestService;
  before(async () => {
    weak = await startTestService({ BCRYPT_COST: '4' });
    // A second instance on the same database, as after raising BCRYPT_COST in a deployment.
    strong = await startTestService({ BCRYPT_COST: '5', DATABASE_URL: weak.databaseUrl });
  });
  after(async () => {
    await strong?.stop();
    await weak?.stop();
  });

  it('re-hashes a cost-4 hash at cost 5 when the account logs in on a cost-5 instance', async () => {
    const email = uniqueEmail();
    await weak.http().post('/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
    const [before] = await usersByEmail(weak, email);
    expect(before!.password_hash).to.match(/^\$2b\$04\$/);
    const res = await strong.http().post('/auth/login').send({ email, password: TEST_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const [after] = await usersByEmail(weak, email);
    expect(after!.password_hash).to.match(/^\$2b\$05\$[./A-Za-z0-9]{53}$/);
    // Not a password change: the change time, which outdates older access tokens, stays.
    expect(Number(after!.password_changed_at)).to.equal(Number(before!.password_changed_at));
  });

  it('keeps accepting the same password after the upgrade, on either instance', async () => {
    const email = uniqueEmail();
    await weak.http().post('/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
    await strong.http().post('/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    await weak.http().post('/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    await strong.http().post('/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  });

  it('leaves a hash alone when the instance logging in asks for no more than its cost', async () => {
    const email = uniqueEmail();
    await strong.http().post('/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
    const [before] = await usersByEmail(strong, email);
    await weak.http().post('/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const [after] = await usersByEmail(strong, email);
    expect(after!.password_hash).to.equal(before!.password_hash);
  });
});
