import { expect } from 'chai';
import { TEST_PASSWORD } from './support/accounts.js';
import { expectProblem, fieldErrorsOf } from './support/problems.js';
import { databaseKind } from './support/test-database.js';
import { waitFor } from './support/wait-for.js';
import { startRecoveryScenario, type RecoveryScenario } from './recovery/recovery-scenario.js';

const KEVIN = 'kevin@example.com';
const RESET_SUBJECT = 'Reset your password';

// An address equals only itself, on every database: MariaDB's default collation
// (utf8mb4_general_ci) would fold accents and emoji, so that `kęvįn@exąmplė.com` found
// kevin's row. Rows are compared here in JavaScript, never with the collation under test.
describe(`an e-mail address is one account, and only its own (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  const login = (email: string, password = TEST_PASSWORD) => s.t.http().post('/auth/login').send({ email, password });
  const register = (email: string) => s.t.http().post('/auth/register').send({ email, password: TEST_PASSWORD });
  const storedEmails = async () => (await s.t.query<{ email: string }>('SELECT email FROM users')).map((row) => row.email);

  before(async () => {
    // Generous recovery limits: the look-alikes must be refused for what they are, not throttled.
    s = await startRecoveryScenario({ RECOVERY_MAX_PER_ADDRESS: '1000', RECOVERY_MAX_PER_EMAIL: '1000' });
    await s.register(KEVIN);
  });
  after(async () => {
    await s?.stop();
  });

  it("answers 401 to kęvįn@exąmplė.com with kevin's password, and hands out no tokens", async () => {
    const res = await login('kęvįn@exąmplė.com');
    expectProblem(res, 401);
    expect(res.body).not.to.have.property('access_token');
    expect((await login(KEVIN)).status).to.equal(200);
  });

  it('registers kévin@example.com as an account of its own (201), beside kevin', async () => {
    const res = await register('kévin@example.com');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ email: 'kévin@example.com' });
    expect((await storedEmails()).filter((email) => email === KEVIN || email === 'kévin@example.com').sort()).to.deep.equal([KEVIN, 'kévin@example.com']);
  });

  it('does not log a🦊@example.com into a😀@example.com', async () => {
    await s.register('a😀@example.com');
    expectProblem(await login('a🦊@example.com'), 401);
    expect((await register('a🦊@example.com')).status).to.equal(201);
    const fox = await login('a🦊@example.com');
    expect(fox.status).to.equal(200);
    const me = await s.t.http().get('/users/me').set('Authorization', `Bearer ${fox.body.access_token}`);
    expect(me.body).to.include({ email: 'a🦊@example.com' });
  });

  it('queues reset mails for look-alike addresses to nobody: kevin gets only the one he asked for', async () => {
    const lookAlikes = ['kęvįn@exąmplė.com', 'kèvin@example.com', 'kevin@exämple.com', 'KEVİN@example.com', 'ḱevin@example.com', 'kevin@éxample.com'];
    for (const email of lookAlikes) await s.requestReset(email).expect(202);
    await s.requestReset(KEVIN).expect(202);
    // Requests are resolved by the outbox's background rounds: wait until every one has been.
    await waitFor('every reset request resolved', async () => {
      const [row] = await s.t.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM password_reset_requests');
      return Number(row?.n) === 0;
    });
    const rows = await s.t.query<{ recipient: string; subject: string }>('SELECT recipient, subject FROM mail_outbox');
    const resets = rows.filter((row) => row.subject === RESET_SUBJECT).map((row) => row.recipient);
    expect(resets).to.deep.equal([KEVIN]);
  });

  const invisible: ReadonlyArray<readonly [string, string]> = [
    ['a zero-width space', 'a\u200b@example.com'],
    ['a soft hyphen', 'a\u00adb@example.com'],
    ['a right-to-left override', 'a\u202eb@example.com'],
  ];
  for (const [what, email] of invisible) {
    it(`refuses ${what} in an address with 422 at /email, and stores nothing`, async () => {
      const before = await storedEmails();
      expect(fieldErrorsOf(await register(email))).to.deep.equal(['/email invalid_email']);
      expect(await storedEmails()).to.deep.equal(before);
    });
  }

  it('refuses a local part of 66 bytes of UTF-8 (33 UTF-16 units) with 422 at /email', async () => {
    expect(fieldErrorsOf(await register(`${'é'.repeat(33)}@example.com`))).to.deep.equal(['/email invalid_email']);
  });

  it('accepts a local part of exactly 64 bytes of UTF-8', async () => {
    expect((await register(`${'é'.repeat(32)}@example.com`)).status).to.equal(201);
  });
});
