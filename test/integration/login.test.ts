import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { decodeAccessToken } from './support/access-tokens.js';
import { JSON_UTF8 } from './support/problems.js';
import { refreshTokensOfSession, sessionsOfUser } from './support/rows.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`POST /auth/login (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('answers 200 with exactly the RFC 6749 token response, marked no-store', async () => {
    const email = uniqueEmail();
    await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
    const res = await t.http().post('/auth/login').send({ email, password: TEST_PASSWORD });
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal(JSON_UTF8);
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.body).to.have.all.keys('access_token', 'token_type', 'expires_in', 'refresh_token');
    expect(res.body).to.include({ token_type: 'Bearer', expires_in: 900 });
    // At least 256 random bits, base64url.
    expect(res.body.refresh_token).to.match(/^[A-Za-z0-9_-]{43,}$/);
  });

  it('issues an HS256 access token with kid and typ, for the user and the session', async () => {
    const session = await registerAndLogin(t);
    const { header, claims } = decodeAccessToken(session.access_token);
    expect(header).to.include({ alg: 'HS256', typ: 'at+jwt' });
    expect(header.kid).to.be.a('string').that.is.not.empty;
    expect(claims).to.include.all.keys('sub', 'sid', 'iat', 'exp', 'iss', 'aud', 'jti');
    expect(claims).to.include({ sub: session.user.id, iss: 'auth-service', aud: 'auth-service' });
    expect(claims.exp! - Math.floor(claims.iat!)).to.equal(900);
    const [row] = await sessionsOfUser(t, session.user.id);
    expect(claims.sid).to.equal(row?.id);
  });

  it('gives each access token its own jti', async () => {
    const first = await registerAndLogin(t);
    const second = await t.http().post('/auth/login').send({ email: first.user.email, password: first.password });
    expect(decodeAccessToken(second.body.access_token).claims.jti).not.to.equal(decodeAccessToken(first.access_token).claims.jti);
  });

  it('stores a session and the SHA-256 hex of the refresh token, never the token itself', async () => {
    const session = await registerAndLogin(t);
    const sessions = await sessionsOfUser(t, session.user.id);
    expect(sessions).to.have.length(1);
    expect(sessions[0]!.revoked_at).to.equal(null);
    const tokens = await refreshTokensOfSession(t, sessions[0]!.id);
    expect(tokens).to.have.length(1);
    expect(tokens[0]!.token_hash).to.equal(createHash('sha256').update(session.refresh_token).digest('hex'));
    expect(tokens[0]!.spent_at).to.equal(null);
    const everything = JSON.stringify(await t.query('SELECT * FROM refresh_tokens')) + JSON.stringify(sessions);
    expect(everything).not.to.include(session.refresh_token);
  });

  it('accepts the e-mail in other letter case', async () => {
    const email = uniqueEmail('Case');
    await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
    const res = await t.http().post('/auth/login').send({ email: `  ${email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
  });

  it('starts one more session per login', async () => {
    const session = await registerAndLogin(t);
    await t.http().post('/auth/login').send({ email: session.user.email, password: session.password }).expect(200);
    expect(await sessionsOfUser(t, session.user.id)).to.have.length(2);
  });
});
