import { expect } from 'chai';
import { uniqueEmail } from '../support/accounts.js';
import { canaryRequests, newCanaries, sendCanaryRequest, type LiveSession } from '../support/canary-requests.js';
import { sessionIdOf } from '../support/session-flow.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

// As test/integration/log-secrets.test.ts does for the log: every route, then every audit row.
describe(`secrets in the audit log, from every route (${databaseKind()})`, () => {
  const canaries = newCanaries();
  const email = uniqueEmail('audit-canary');
  const secrets = new Set<string>([canaries.password, canaries.shortPassword, canaries.token, canaries.adminKey]);
  let t: TestService;

  before(async () => {
    const generous = '100000';
    t = await startTestService({ ADMIN_API_KEY: canaries.adminKey, LOGIN_MAX_FAILURES: generous, REGISTER_MAX_PER_ADDRESS: generous, RECOVERY_MAX_PER_ADDRESS: generous, RECOVERY_MAX_PER_EMAIL: generous });
    await t.http().post('/auth/register').send({ email, password: canaries.password }).expect(201);
    for (const route of t.service.routes) {
      for (const request of canaryRequests(route, canaries, email)) {
        const session = request.session ? await logIn() : null;
        collectTokens((await sendCanaryRequest(t, route, request, canaries, session)).body);
      }
    }
    for (const row of await t.query<{ password_hash: string }>('SELECT password_hash FROM users')) secrets.add(row.password_hash);
    for (const row of await t.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens')) secrets.add(row.token_hash);
  });
  after(async () => {
    await t?.stop();
  });

  async function logIn(): Promise<LiveSession | null> {
    const res = await t.http().post('/auth/login').send({ email, password: canaries.password });
    collectTokens(res.body);
    if (res.status !== 200) return null;
    return { accessToken: res.body.access_token, refreshToken: res.body.refresh_token, sessionId: sessionIdOf(res.body.access_token) };
  }

  function collectTokens(body: unknown): void {
    const { access_token: access, refresh_token: refresh, secret, otpauthUri, recoveryCodes, mfaToken } = (body ?? {}) as Record<string, unknown>;
    for (const value of [access, refresh, secret, otpauthUri, mfaToken]) if (typeof value === 'string') secrets.add(value);
    if (Array.isArray(recoveryCodes)) for (const code of recoveryCodes) secrets.add(code).add(String(code).replace(/-/g, ''));
  }

  it('wrote events of many types meanwhile (the check has something to look at)', async () => {
    const types = (await t.query<{ type: string }>('SELECT DISTINCT type FROM audit_events')).map((row) => row.type);
    expect(types).to.include.members(['user.registered', 'login.succeeded', 'login.failed', 'session.ended']);
  });

  it('holds no password, hash, token, code or secret, and no e-mail address', async () => {
    const text = JSON.stringify(await t.query('SELECT * FROM audit_events'));
    for (const secret of secrets) expect(text.includes(secret), `an audit row holds ${secret}`).to.equal(false);
    expect(text.toLowerCase()).not.to.include(email.toLowerCase());
    expect(text).not.to.match(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});
