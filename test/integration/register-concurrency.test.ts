import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { expectProblem } from './support/problems.js';
import { usersByEmail } from './support/rows.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`concurrent registrations (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('lets exactly one of 20 simultaneous registrations of one address win; the others get 409', async () => {
    const email = uniqueEmail('race');
    // Different letter case on each: only the unique index on the canonical form can decide.
    const spellings = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? email : email.toUpperCase()));
    const answers = await Promise.all(
      spellings.map((spelling) => t.http().post('/auth/register').send({ email: spelling, password: TEST_PASSWORD })),
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).to.deep.equal([201, ...Array<number>(19).fill(409)]);
    for (const res of answers.filter((answer) => answer.status === 409)) expectProblem(res, 409);
    const rows = await usersByEmail(t, email);
    expect(rows).to.have.length(1);
    expect(rows[0]!.id).to.equal(answers.find((res) => res.status === 201)!.body.id);
  });
});
