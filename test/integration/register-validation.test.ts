import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { fieldErrorsOf } from './support/problems.js';
import { countRows } from './support/rows.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

interface Refusal {
  readonly title: string;
  readonly body: () => unknown;
  /** `pointer code` of each field error that must be listed. */
  readonly errors: readonly string[];
}

const refusals: readonly Refusal[] = [
  { title: 'a password shorter than 15 characters', body: () => ({ email: uniqueEmail(), password: 'fourteen-chars' }), errors: ['/password too_short'] },
  // 36 × "é" (2 bytes each) + "x": 37 characters, 73 bytes; bcrypt would cut it at 72.
  { title: 'a password of 73 bytes of UTF-8', body: () => ({ email: uniqueEmail(), password: `${'é'.repeat(36)}x` }), errors: ['/password too_long'] },
  {
    title: "a password containing the e-mail's local part",
    body: () => ({ email: 'zebediah.quill@example.com', password: 'my name is ZEBEDIAH.QUILL, ok' }),
    errors: ['/password contains_email'],
  },
  { title: 'an e-mail without an @', body: () => ({ email: 'ann.example.com', password: TEST_PASSWORD }), errors: ['/email invalid_email'] },
  { title: 'an e-mail with a space in it', body: () => ({ email: 'ann smith@example.com', password: TEST_PASSWORD }), errors: ['/email invalid_email'] },
  { title: 'an empty body object', body: () => ({}), errors: ['/email required', '/password required'] },
  { title: 'fields of the wrong type', body: () => ({ email: 42, password: true }), errors: ['/email invalid_type', '/password invalid_type'] },
  { title: 'an array instead of an object', body: () => [], errors: [' invalid_type'] },
  { title: 'an unknown property such as role', body: () => ({ email: uniqueEmail(), password: TEST_PASSWORD, role: 'admin' }), errors: ['/role unknown_property'] },
];

describe(`POST /auth/register refusals (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  for (const refusal of refusals) {
    it(`refuses ${refusal.title} with 422, naming each field at fault, and stores nothing`, async () => {
      const before = await countRows(t, 'users');
      const res = await t.http().post('/auth/register').send(refusal.body() as object);
      expect(fieldErrorsOf(res)).to.include.members(refusal.errors);
      expect(await countRows(t, 'users')).to.equal(before);
    });
  }

  it('accepts a password of exactly 72 bytes of UTF-8', async () => {
    const res = await t.http().post('/auth/register').send({ email: uniqueEmail(), password: 'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉ' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
  });
});
