import { expect } from 'chai';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail, type LoggedIn } from '../support/accounts.js';
import { enableTotp } from '../support/authenticator.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { ADMIN_KEY, allTables, asAdmin } from './admin-support.js';
import { FRONT_END, PASSKEY_ENV, registrationOptions } from '../passkeys/passkey-flow.js';
import { SoftwareAuthenticator } from '../support/software-authenticator.js';

describe(`Erasure (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ ADMIN_API_KEY: ADMIN_KEY, ...PASSKEY_ENV });
  });
  after(async () => {
    await t?.stop();
  });

  /**
   * An account that owns a row of every kind: sessions, refresh tokens, TOTP, recovery codes,
   * a passkey and its user handle, a pending WebAuthn challenge, a reset request, pending, sent
   * and dead mails. Its address has capitals outside ASCII, which SQLite's LOWER() leaves as
   * they are.
   */
  async function busyAccount(): Promise<LoggedIn> {
    const user = await enableTotp(t, await registerAndLogin(t, `ÉLODIE-${uniqueEmail('Ünal')}`));
    // Recovery codes, not TOTP codes: a second TOTP code would wait for the next 30 s step.
    const options = await registrationOptions(t, user, { currentPassword: TEST_PASSWORD, code: user.recoveryCodes[0] });
    const added = await t.http().post('/users/me/passkeys').set('Authorization', `Bearer ${user.access_token}`).send({ name: 'k', response: new SoftwareAuthenticator(FRONT_END).register(options.body) });
    expect(added.status, JSON.stringify(added.body)).to.equal(201);
    await registrationOptions(t, user, { currentPassword: TEST_PASSWORD, code: user.recoveryCodes[1] }); // a pending challenge
    await t.http().post('/auth/login').send({ email: user.user.email, password: TEST_PASSWORD }); // a pending second step
    await t.http().post('/auth/password-reset').send({ email: user.user.email.toUpperCase() });
    for (const status of ['pending', 'sent', 'dead']) {
      await t.query(
        "INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, status, attempts, next_attempt_at, created_at) VALUES (?, ?, 'x', 'x', NULL, ?, 0, ?, ?)",
        [crypto.randomUUID(), user.user.email, status, Date.now() + 3_600_000, Date.now()],
      );
    }
    return user;
  }

  /**
   * Rows that hold the account's id or address. audit_events keeps the id by design (API.md:
   * "audit events keep the user id and lose the e-mail"): there only the address counts, and
   * the audit log stores none at all.
   */
  async function rowsHolding(user: LoggedIn): Promise<string[]> {
    const found: string[] = [];
    for (const table of await allTables(t)) {
      for (const row of await t.query(`SELECT * FROM ${table}`)) {
        const text = JSON.stringify(row).toLowerCase();
        const holdsId = table !== 'audit_events' && text.includes(user.user.id);
        if (holdsId || text.includes(user.user.email.toLowerCase())) found.push(`${table}: ${text}`);
      }
    }
    return found;
  }

  const auditTypesOf = async (user: LoggedIn) =>
    (await t.query<{ type: string }>('SELECT type FROM audit_events WHERE user_id = ? ORDER BY at, id', [user.user.id])).map((row) => row.type);

  it('knows every table, audit_events among them', async () => {
    expect(await allTables(t)).to.include('audit_events');
  });

  it('leaves rows of the account before (the check itself finds them)', async () => {
    expect(await rowsHolding(await busyAccount())).to.have.length.greaterThan(4);
  });

  it('DELETE /admin/users/{id}: no row of any table holds the id or the address, which registers again at once', async () => {
    const user = await busyAccount();
    expect((await asAdmin(t, 'delete', `/admin/users/${user.user.id}`)).status).to.equal(204);
    expect(await rowsHolding(user)).to.deep.equal([]);
    expect((await auditTypesOf(user)).at(-1)).to.equal('user.erased');
    expect((await t.http().post('/auth/register').send({ email: user.user.email, password: TEST_PASSWORD })).status).to.equal(201);
  });

  it('DELETE /users/me: 401 without the right password, 204 and erased with it', async () => {
    const user = await registerAndLogin(t);
    const bearer = `Bearer ${user.access_token}`;
    const wrong = await t.http().delete('/users/me').set('Authorization', bearer).send({ currentPassword: `${TEST_PASSWORD}!` });
    expect(wrong.status).to.equal(401);
    expect((await t.http().delete('/users/me').set('Authorization', bearer).send({})).status).to.equal(422);
    const right = await t.http().delete('/users/me').set('Authorization', bearer).send({ currentPassword: TEST_PASSWORD });
    expect(right.status, JSON.stringify(right.body)).to.equal(204);
    expect(await rowsHolding(user)).to.deep.equal([]);
    expect(await auditTypesOf(user)).to.deep.equal(['user.registered', 'login.succeeded', 'login.failed', 'user.erased']);
    expect((await t.http().get('/users/me').set('Authorization', bearer)).status).to.equal(401);
    expect((await t.http().post('/auth/register').send({ email: user.user.email, password: TEST_PASSWORD })).status).to.equal(201);
  });
});
