import { expect } from 'chai';
import type { Response } from 'supertest';
import { registerAndLogin } from '../support/accounts.js';
import { refresh, sessionIdOf, withBearer } from '../support/session-flow.js';
import { familyRow, tokenRowsOf } from '../support/session-rows.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const PARALLEL = 20;

/** What the concurrent answers came to: their statuses and the distinct refresh tokens. */
function summary(responses: readonly Response[]) {
  return {
    statuses: [...new Set(responses.map((res) => res.status))],
    tokens: new Set(responses.map((res) => res.body.refresh_token as string)),
  };
}

describe(`POST /auth/refresh, ${PARALLEL} at once with one token (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('answers every request 200 with one and the same new refresh token', async () => {
    const session = await registerAndLogin(t);
    const responses = await Promise.all(Array.from({ length: PARALLEL }, () => refresh(t, session.refresh_token)));
    const { statuses, tokens } = summary(responses);
    expect(statuses, JSON.stringify(responses.find((res) => res.status !== 200)?.body)).to.deep.equal([200]);
    expect(tokens.size).to.equal(1);
    expect([...tokens][0]).not.to.equal(session.refresh_token);
  });

  it('leaves exactly one unspent token in the family, and the family live', async () => {
    const session = await registerAndLogin(t);
    const sid = sessionIdOf(session.access_token);
    const responses = await Promise.all(Array.from({ length: PARALLEL }, () => refresh(t, session.refresh_token)));
    const rows = await tokenRowsOf(t, sid);
    expect(rows.filter((row) => row.spent_at === null)).to.have.length(1);
    expect(rows).to.have.length(2);
    expect((await familyRow(t, sid)).revoked_at).to.equal(null);
    expect((await withBearer(t, responses[0]!.body.access_token)).status).to.equal(200);
  });
});

describe(`POST /auth/refresh, at once on two instances sharing one database (${databaseKind()})`, () => {
  let first: TestService;
  let second: TestService;
  before(async () => {
    first = await startTestService();
    second = await startTestService({ DATABASE_URL: first.databaseUrl });
  });
  after(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('answers all 200 with one successor, and mints no second live token', async () => {
    const session = await registerAndLogin(first);
    const sid = sessionIdOf(session.access_token);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => refresh(i % 2 === 0 ? first : second, session.refresh_token)),
    );
    const { statuses, tokens } = summary(responses);
    expect(statuses, JSON.stringify(responses.find((res) => res.status !== 200)?.body)).to.deep.equal([200]);
    expect(tokens.size).to.equal(1);
    expect((await tokenRowsOf(first, sid)).filter((row) => row.spent_at === null)).to.have.length(1);
  });
});
