import { expect } from 'chai';
import { fieldErrorsOf } from '../support/problems.js';
import { databaseKind } from '../support/test-database.js';
import { BREACHED_PASSWORD, FRESH_PASSWORD, startBreachScenario, UPPER_SHA1_OF_BREACHED, type BreachScenario } from './breach-scenario.js';

describe(`the breached-password check against a healthy range API (${databaseKind()})`, () => {
  let s: BreachScenario;
  beforeEach(async () => {
    s = await startBreachScenario();
  });
  afterEach(async () => {
    await s?.stop();
  });

  it('refuses a breached password with 422 and the code breached on /password', async () => {
    expect(fieldErrorsOf(await s.register(BREACHED_PASSWORD))).to.deep.equal(['/password breached']);
  });

  it('registers an account whose password is in no breach', async () => {
    expect((await s.register(FRESH_PASSWORD)).status).to.equal(201);
  });

  it('sends the range API only the five-character prefix of the SHA-1, asking for padding', async () => {
    await s.register(BREACHED_PASSWORD);
    await s.register(FRESH_PASSWORD);
    expect(s.standIn.requests.map((r) => [r.path.replace(/[0-9A-F]{5}$/, 'XXXXX'), r.headers['add-padding']])).to.deep.equal([
      ['/range/XXXXX', 'true'],
      ['/range/XXXXX', 'true'],
    ]);
    expect(s.standIn.requests[0]!.path).to.equal(`/range/${UPPER_SHA1_OF_BREACHED.slice(0, 5)}`);
  });

  it('sends no other part of the hash and not the password', async () => {
    await s.register(BREACHED_PASSWORD);
    const seen = JSON.stringify(s.standIn.requests);
    expect(seen).not.to.include(UPPER_SHA1_OF_BREACHED.slice(5, 15));
    expect(seen).not.to.include('passphrase');
  });
});
