import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { uniqueEmail } from './support/accounts.js';
import { canaryRequests, newCanaries, sendCanaryRequest, type LiveSession } from './support/canary-requests.js';
import { scrape } from './support/metrics-scrape.js';
import { sessionIdOf } from './support/session-flow.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`secrets in the log, on every route (${databaseKind()})`, () => {
  const canaries = newCanaries();
  const email = uniqueEmail();
  const metricsToken = `metrics-token-${canaries.token}`;
  /** Everything that must never be written: the canaries and every token the service handed out. */
  const secrets = new Set<string>([canaries.password, canaries.shortPassword, canaries.token, metricsToken, canaries.adminKey]);
  const statuses = new Set<number>();
  let requestsSent = 0;
  let outbox: string;
  let t: TestService;

  before(async function () {
    // Every route twice, a login before each that needs a session: ~20 s on a loaded server database.
    this.timeout(90_000);
    outbox = await mkdtemp(join(tmpdir(), 'auth-outbox-'));
    const generous = '100000'; // throttling would stop the requests before the steps under test
    t = await startTestService({
      METRICS_TOKEN: metricsToken,
      ADMIN_API_KEY: canaries.adminKey,
      MAIL_OUTBOX_DIR: outbox,
      LOGIN_MAX_FAILURES: generous,
      REGISTER_MAX_PER_ADDRESS: generous,
      RECOVERY_MAX_PER_ADDRESS: generous,
      RECOVERY_MAX_PER_EMAIL: generous,
    });
    await t.http().post('/auth/register').send({ email, password: canaries.password }).expect(201);
    await scrape(t, metricsToken);
    await sendToEveryRoute();
    for (const row of await t.query<{ password_hash: string }>('SELECT password_hash FROM users')) secrets.add(row.password_hash);
    for (const row of await t.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens')) secrets.add(row.token_hash);
    // And once more where an unexpected error (500, its stack logged) meets the canaries.
    await t.query('DROP TABLE refresh_tokens');
    await sendToEveryRoute();
  });
  after(async () => {
    await t?.stop();
    await rm(outbox, { recursive: true, force: true });
  });

  async function sendToEveryRoute(): Promise<void> {
    for (const route of t.service.routes) {
      for (const request of canaryRequests(route, canaries, email)) {
        const session = request.session ? await logIn() : null;
        const res = await sendCanaryRequest(t, route, request, canaries, session);
        requestsSent += 1;
        statuses.add(res.status);
        collectTokens(res.body);
      }
    }
  }

  /** A fresh session for each request that needs one: the one before may have ended it. */
  async function logIn(): Promise<LiveSession | null> {
    const res = await t.http().post('/auth/login').send({ email, password: canaries.password });
    collectTokens(res.body);
    if (res.status !== 200) return null; // the table is gone: the canaries stand in
    return { accessToken: res.body.access_token, refreshToken: res.body.refresh_token, sessionId: sessionIdOf(res.body.access_token) };
  }

  function collectTokens(body: unknown): void {
    const { access_token: access, refresh_token: refresh, secret, otpauthUri, recoveryCodes, mfaToken } = (body ?? {}) as Record<string, unknown>;
    for (const value of [refresh, secret, otpauthUri, mfaToken]) if (typeof value === 'string') secrets.add(value);
    // Recovery codes as shown, and as typed back without their dashes.
    if (Array.isArray(recoveryCodes)) for (const code of recoveryCodes) secrets.add(code).add(String(code).replace(/-/g, ''));
    // An access token, and each of its parts: a logged signature or payload is a leak too.
    if (typeof access === 'string') for (const part of [access, ...access.split('.').slice(1)]) secrets.add(part);
  }

  it('sent every mounted route valid, refused, malformed, wrongly typed and failing requests', () => {
    expect(t.service.routes.map((route) => route.path)).to.include.members(['/auth/login', '/auth/login/mfa', '/users/me/mfa/totp', '/users/me/mfa/recovery-codes', '/users/me/password', '/users/me/email', '/users/me/email/confirm', '/health/ready', '/metrics', '/admin/users', '/admin/users/:id']);
    expect([...statuses]).to.include.members([200, 202, 204, 400, 401, 404, 405, 409, 415, 422, 500]);
  });

  it('logged a request line for every one of them, and the 500s with their stack', () => {
    expect(t.logs.entries.filter((entry) => entry.msg === 'request').length).to.be.at.least(requestsSent);
    expect(t.logs.entries.filter((entry) => entry.msg === 'unhandled error' && /\n\s+at /.test(String((entry.err as { stack?: string })?.stack)))).not.to.be.empty;
  });

  it('never wrote a password, a hash, a token or a credential header', () => {
    const text = t.logs.text();
    for (const secret of secrets) expect(text.includes(secret), `the log holds ${secret}`).to.equal(false);
    expect(text).not.to.match(/Bearer [\w.-]|session=/i);
  });
});
