import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { registerAndLogin } from '../support/accounts.js';
import { decodeAccessToken } from '../support/access-tokens.js';
import { enableTotp, mfaTokenOf, type TotpAccount } from '../support/authenticator.js';
import { expectMatchesContract } from '../support/contract.js';
import { PROBLEM_JSON } from '../support/problems.js';
import { problemWithoutRequestId, refresh, withBearer } from '../support/session-flow.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

describe(`TOTP: enrolment, the two-step login and its codes (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    // Generous: the parallel runs below present many wrong codes on purpose.
    t = await startTestService({ MFA_MAX_FAILURES: '100' });
  });
  after(async () => {
    await t?.stop();
  });

  const secondStep = (body: object) => t.http().post('/auth/login/mfa').send(body);

  it('enrols with the password: a base32 secret and an otpauth:// URI for the account and issuer, TOTP still off', async () => {
    const session = await registerAndLogin(t);
    const res = await t.http().post('/users/me/mfa/totp').set('Authorization', `Bearer ${session.access_token}`).send({ currentPassword: session.password });
    await expectMatchesContract(res);
    expect([res.status, res.headers['cache-control']]).to.deep.equal([201, 'no-store']);
    expect(res.body.secret).to.match(/^[A-Z2-7]{32}$/);
    const uri = new URL(res.body.otpauthUri);
    const label = decodeURIComponent(uri.pathname.replace(/^\/\/?totp\//, '').replace(/^\//, ''));
    expect([uri.protocol, label, uri.searchParams.get('secret'), uri.searchParams.get('issuer')]).to.deep.equal(['otpauth:', `auth-service:${session.user.email}`, res.body.secret, 'auth-service']);
    expect((await withBearer(t, session.access_token)).body.mfaEnabled).to.equal(false);
  });

  describe('after confirming with a first code', () => {
    let account: TotpAccount;
    let other: { access_token: string; refresh_token: string };

    before(async () => {
      const session = await registerAndLogin(t);
      other = (await t.http().post('/auth/login').send({ email: session.user.email, password: session.password })).body;
      account = await enableTotp(t, session);
    });

    it('answers 10 distinct recovery codes of at least 112 bits each', () => {
      expect(new Set(account.recoveryCodes).size).to.equal(10);
      // 24 base32 characters: 120 bits.
      for (const code of account.recoveryCodes) expect(code.replace(/-/g, '')).to.match(/^[A-Z2-7]{24}$/);
    });

    it("ends the user's other sessions and keeps the one that confirmed", async () => {
      expect([(await refresh(t, other.refresh_token)).status, (await withBearer(t, other.access_token)).status]).to.deep.equal([401, 401]);
      const me = await withBearer(t, account.access_token);
      expect([me.status, me.body.mfaEnabled]).to.deep.equal([200, true]);
    });

    it('answers the right password with 403 mfa-required, an mfaToken and the methods, and no token pair', async () => {
      const res = await t.http().post('/auth/login').send({ email: account.user.email, password: account.password });
      await expectMatchesContract(res);
      expect([res.status, res.headers['content-type'], res.body.type, res.body.methods]).to.deep.equal([403, PROBLEM_JSON, 'urn:auth-service:problem:mfa-required', ['totp', 'recovery_code']]);
      expect(res.body.mfaToken).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(res.body).not.to.have.property('access_token');
    });

    it('answers a wrong password with the one 401 of an unknown e-mail: nothing tells that the account has a second factor', async () => {
      const wrong = await t.http().post('/auth/login').send({ email: account.user.email, password: `${account.password}!` });
      const unknown = await t.http().post('/auth/login').send({ email: `nobody-${account.user.email}`, password: account.password });
      expect([wrong.status, unknown.status]).to.deep.equal([401, 401]);
      expect({ ...problemWithoutRequestId(wrong), instance: null }).to.deep.equal({ ...problemWithoutRequestId(unknown), instance: null });
    });

    it('finishes with a code computed from the secret: the token response, amr pwd otp mfa, kept by a refresh', async () => {
      const res = await secondStep({ mfaToken: await mfaTokenOf(t, account), code: await account.app.next() });
      await expectMatchesContract(res);
      expect([res.status, res.headers['cache-control']]).to.deep.equal([200, 'no-store']);
      const { amr, auth_time: authTime, sub } = decodeAccessToken(res.body.access_token).claims;
      expect([amr, Number.isInteger(authTime), sub]).to.deep.equal([['pwd', 'otp', 'mfa'], true, account.user.id]);
      const refreshed = await refresh(t, res.body.refresh_token);
      expect([decodeAccessToken(refreshed.body.access_token).claims.amr, decodeAccessToken(refreshed.body.access_token).claims.auth_time]).to.deep.equal([['pwd', 'otp', 'mfa'], authTime]);
    });

    it('spends the mfaToken with its first success', async () => {
      const mfaToken = await mfaTokenOf(t, account);
      expect((await secondStep({ mfaToken, recoveryCode: account.recoveryCodes[0] })).status).to.equal(200);
      expect((await secondStep({ mfaToken, recoveryCode: account.recoveryCodes[1] })).status).to.equal(401);
    });

    it('takes a recovery code once, dashes and case as typed, and logs its use as a security event', async () => {
      const code = account.recoveryCodes[2]!;
      expect((await secondStep({ mfaToken: await mfaTokenOf(t, account), recoveryCode: code.toLowerCase().replace(/-/g, ' ') })).status).to.equal(200);
      expect((await secondStep({ mfaToken: await mfaTokenOf(t, account), recoveryCode: code })).status).to.equal(401);
      const events = t.logs.entries.filter((e) => e.event === 'recovery_code_used' && e.userId === account.user.id);
      expect(events.length).to.be.at.least(1);
      expect(t.logs.text()).not.to.include(code);
    });

    it('never takes an mfaToken as an access token, and takes neither token pair half as an mfaToken', async () => {
      const mfaToken = await mfaTokenOf(t, account);
      expect((await withBearer(t, mfaToken)).status).to.equal(401);
      const asMfa = await Promise.all([account.access_token, account.refresh_token].map((token) => secondStep({ mfaToken: token, recoveryCode: account.recoveryCodes[3] })));
      expect(asMfa.map((r) => r.status)).to.deep.equal([401, 401]);
    });

    it('refuses a body with both a code and a recovery code, or neither (422)', async () => {
      const mfaToken = await mfaTokenOf(t, account);
      const both = await secondStep({ mfaToken, code: '123456', recoveryCode: account.recoveryCodes[4] });
      const neither = await secondStep({ mfaToken });
      await expectMatchesContract(both);
      expect([both.status, neither.status]).to.deep.equal([422, 422]);
    });
  });

  it('refuses the same code again (replay), with a fresh mfaToken: 401', async () => {
    const account = await enableTotp(t, await registerAndLogin(t));
    const code = await account.app.next();
    expect((await secondStep({ mfaToken: await mfaTokenOf(t, account), code })).status).to.equal(200);
    const replay = await secondStep({ mfaToken: await mfaTokenOf(t, account), code });
    await expectMatchesContract(replay);
    expect([replay.status, replay.body.type]).to.deep.equal([401, 'urn:auth-service:problem:invalid-second-factor']);
  });

  it('lets exactly one of 10 parallel second steps with one code (10 mfaTokens of one user) through', async () => {
    const account = await enableTotp(t, await registerAndLogin(t));
    const tokens: string[] = [];
    for (let i = 0; i < 10; i += 1) tokens.push(await mfaTokenOf(t, account));
    const code = await account.app.next();
    const statuses = (await Promise.all(tokens.map((mfaToken) => secondStep({ mfaToken, code })))).map((r) => r.status);
    console.log(`      [figure] 10 parallel second steps, one TOTP code: ${statuses.filter((s) => s === 200).length} × 200, ${statuses.filter((s) => s === 401).length} × 401`);
    expect(statuses.sort()).to.deep.equal([200, ...Array(9).fill(401)]);
  });

  it('lets exactly one of 10 parallel uses of one recovery code through', async () => {
    const account = await enableTotp(t, await registerAndLogin(t));
    const tokens: string[] = [];
    for (let i = 0; i < 10; i += 1) tokens.push(await mfaTokenOf(t, account));
    const statuses = (await Promise.all(tokens.map((mfaToken) => secondStep({ mfaToken, recoveryCode: account.recoveryCodes[0] })))).map((r) => r.status);
    console.log(`      [figure] 10 parallel uses of one recovery code: ${statuses.filter((s) => s === 200).length} × 200, ${statuses.filter((s) => s === 401).length} × 401`);
    expect(statuses.sort()).to.deep.equal([200, ...Array(9).fill(401)]);
  });

  it('keeps the secret encrypted at rest: the raw database holds neither its base32 nor its bytes', async () => {
    const account = await enableTotp(t, await registerAndLogin(t));
    const secretText = Buffer.from(account.app.secret);
    let stored: Buffer;
    if (databaseKind() === 'sqlite') {
      const file = t.databaseUrl.slice('sqlite:'.length);
      stored = Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
      expect(stored.includes(Buffer.from(account.user.id)), 'the raw read sees the rows').to.equal(true);
    } else {
      const rows = await t.query<Record<string, unknown>>('SELECT * FROM totp_factors WHERE user_id = ?', [account.user.id]);
      expect(rows).to.have.lengthOf(1);
      stored = Buffer.concat(Object.values(rows[0]!).map((value) => Buffer.from(String(value))));
    }
    for (const code of account.recoveryCodes) expect(stored.includes(Buffer.from(code.replace(/-/g, ''))), 'a recovery code in clear').to.equal(false);
    expect([stored.includes(secretText), stored.includes(account.app.secretBytes)]).to.deep.equal([false, false]);
  });
});
