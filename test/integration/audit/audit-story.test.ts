import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { Authenticator } from '../support/authenticator.js';
import { sessionIdOf } from '../support/session-flow.js';
import { databaseKind } from '../support/test-database.js';
import { ADMIN_KEY, asAdmin } from '../admin/admin-support.js';
import { NEW_PASSWORD, linkTokenIn, startRecoveryScenario, type RecoveryScenario } from '../recovery/recovery-scenario.js';

interface StoryEvent {
  readonly type: string;
  readonly userId: string | null;
  readonly sessionId: string | null;
  readonly requestId: string | null;
  readonly details: Record<string, unknown>;
}

// API.md "Admin API and audit log": one user's whole story, read back through the admin API.
describe(`Audit log: a user's whole story (${databaseKind()})`, () => {
  let s: RecoveryScenario;
  before(async () => {
    s = await startRecoveryScenario({ ADMIN_API_KEY: ADMIN_KEY, REFRESH_REUSE_GRACE: '5m' });
  });
  after(async () => {
    await s?.stop();
  });

  it('answers exactly its events, in order, each with its session where one is concerned and the X-Request-Id it came with', async () => {
    const http = () => s.t.http();
    let n = 0;
    const id = () => `story-${++n}`;
    const email = uniqueEmail('story');

    const registered = await http().post('/auth/register').set('X-Request-Id', id()).send({ email, password: TEST_PASSWORD });
    expect(registered.status).to.equal(201);
    const userId: string = registered.body.id;
    expect((await http().post('/auth/login').set('X-Request-Id', id()).send({ email, password: `${TEST_PASSWORD}!` })).status).to.equal(401);
    const login = await http().post('/auth/login').set('X-Request-Id', id()).send({ email, password: TEST_PASSWORD });
    const first = sessionIdOf(login.body.access_token);
    const refreshed = await http().post('/auth/refresh').set('X-Request-Id', id()).send({ refreshToken: login.body.refresh_token });
    const retried = await http().post('/auth/refresh').set('X-Request-Id', id()).send({ refreshToken: login.body.refresh_token });
    expect([refreshed.status, retried.body.refresh_token]).to.deep.equal([200, refreshed.body.refresh_token]);
    expect((await http().post('/auth/refresh').set('X-Request-Id', id()).send({ refreshToken: refreshed.body.refresh_token })).status).to.equal(200);
    expect((await http().post('/auth/refresh').set('X-Request-Id', id()).send({ refreshToken: login.body.refresh_token })).status).to.equal(401); // reuse
    const resetAsked = id();
    expect((await http().post('/auth/password-reset').set('X-Request-Id', resetAsked).send({ email })).status).to.equal(202);
    const [mail] = await s.mailsTo(email, 'reset-password');
    const reset = await http().post('/auth/password-reset/confirm').set('X-Request-Id', id()).send({ token: linkTokenIn(mail!.text, 'reset-password'), newPassword: NEW_PASSWORD });
    expect(reset.status).to.equal(204);
    const second = await http().post('/auth/login').set('X-Request-Id', id()).send({ email, password: NEW_PASSWORD });
    const bearer = `Bearer ${second.body.access_token}`;
    const enrolled = await http().post('/users/me/mfa/totp').set('Authorization', bearer).set('X-Request-Id', id()).send({ currentPassword: NEW_PASSWORD });
    const app = new Authenticator(enrolled.body.secret);
    expect((await http().post('/users/me/mfa/totp/confirm').set('Authorization', bearer).set('X-Request-Id', id()).send({ code: await app.next() })).status).to.equal(200);
    const challenge = await http().post('/auth/login').set('X-Request-Id', id()).send({ email, password: NEW_PASSWORD });
    expect(challenge.status).to.equal(403);
    const wrong = await http().post('/auth/login/mfa').set('X-Request-Id', id()).send({ mfaToken: challenge.body.mfaToken, code: app.wrongCode() });
    expect(wrong.status).to.equal(401);
    const third = await http().post('/auth/login/mfa').set('X-Request-Id', id()).send({ mfaToken: challenge.body.mfaToken, code: await app.next() });
    expect(third.status).to.equal(200);
    expect((await asAdmin(s.t, 'post', `/admin/users/${userId}/disable`).set('X-Request-Id', id())).status).to.equal(204);
    expect((await asAdmin(s.t, 'delete', `/admin/users/${userId}`).set('X-Request-Id', id())).status).to.equal(204);

    const page = await asAdmin(s.t, 'get', `/admin/audit-events?userId=${userId}&limit=100`);
    expect([page.status, page.body.nextCursor]).to.deep.equal([200, null]);
    const story = (page.body.items as StoryEvent[]).slice().reverse();
    const S = (sessionId: string | null) => sessionId;
    const [s1, s2, s3] = [first, sessionIdOf(second.body.access_token), sessionIdOf(third.body.access_token)];
    expect(story.map((e) => [e.type, e.sessionId, e.requestId])).to.deep.equal([
      ['user.registered', null, 'story-1'],
      ['email.verification_requested', null, 'story-1'],
      ['login.failed', null, 'story-2'],
      ['login.succeeded', S(s1), 'story-3'],
      ['refresh.reuse_detected', S(s1), 'story-7'],
      ['password.reset_requested', null, resetAsked],
      ['password.reset', null, 'story-9'],
      ['login.succeeded', S(s2), 'story-10'],
      ['mfa.enabled', S(s2), 'story-12'],
      ['recovery_codes.generated', S(s2), 'story-12'],
      ['mfa.required', null, 'story-13'],
      ['mfa.failed', null, 'story-14'],
      ['mfa.succeeded', null, 'story-15'],
      ['login.succeeded', S(s3), 'story-15'],
      ['user.disabled', null, 'story-16'],
      ['user.erased', null, 'story-17'],
    ]);
    expect(story.every((e) => e.userId === userId)).to.equal(true);
    expect(story[2]!.details).to.deep.equal({ reason: 'wrong_password', during: 'login' });
    expect(story[11]!.details).to.deep.equal({ method: 'totp', reason: 'wrong_code' });
    // Erased: the events keep the id, and nothing in them holds the address.
    expect(JSON.stringify(page.body).toLowerCase()).not.to.include(email.toLowerCase());
  });
});
