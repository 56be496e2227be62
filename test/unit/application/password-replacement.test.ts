import { expect } from 'chai';
import sinon from 'sinon';
import { PasswordReplacement } from '../../../src/application/services/password-replacement.js';
import { AccountNotice } from '../../../src/application/services/account-notice.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { Email } from '../../../src/domain/email.js';
import { User } from '../../../src/domain/user.js';
import { InMemoryAccountTokenStore } from '../fakes/in-memory-account-token-store.js';
import { InMemoryUserRepository } from '../fakes/in-memory-user-repository.js';
import { RecordingSessionStore } from '../fakes/recording-session-store.js';
import { rejectionOf } from '../support/rejection-of.js';
import { NOW, at, startSession } from '../support/session-fixture.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

const REGISTERED_AT = new Date('2025-01-01T00:00:00.000Z');
const mail = { to: 'ann@example.com', subject: 'set-up', text: 'set-up', html: 'set-up' };

describe('PasswordReplacement', () => {
  let users: InMemoryUserRepository;
  let sessions: RecordingSessionStore;
  let tokens: InMemoryAccountTokenStore;
  let replacement: PasswordReplacement;
  let ann: User;

  const link = (token: string, purpose: 'password_reset' | 'email_verification', userId = 'user-1') =>
    tokens.issueWithMail({ userId, purpose, token, expiresAt: at(60_000), now: at(-60_000) }, mail);

  let audit: RecordingAuditTrail;

  beforeEach(async () => {
    audit = new RecordingAuditTrail();
    users = new InMemoryUserRepository();
    sessions = new RecordingSessionStore();
    tokens = new InMemoryAccountTokenStore();
    replacement = new PasswordReplacement(users, sessions, tokens, new AccountNotice(tokens, new FixedClock(NOW)), audit);
    ann = User.register({ id: 'user-1', email: Email.parse('ann@example.com'), passwordHash: 'old-hash', now: REGISTERED_AT });
    await users.add(ann);
    await users.add(User.register({ id: 'user-2', email: Email.parse('bob@example.com'), passwordHash: 'bob-hash', now: REGISTERED_AT }));
    await startSession(sessions, { id: 'session-1', userId: 'user-1', token: 'refresh-1' });
    await startSession(sessions, { id: 'session-3', userId: 'user-2', token: 'refresh-3' });
    await link('reset-1', 'password_reset');
    await link('verify-1', 'email_verification');
    await link('reset-bob', 'password_reset', 'user-2');
  });
  afterEach(() => sinon.restore());

  it('saves the new hash, dated now', async () => {
    await replacement.replace(ann, 'new-hash', NOW, 'password.changed');
    const stored = await users.findById('user-1');
    expect([stored?.passwordHash, stored?.passwordChangedAt]).to.deep.equal(['new-hash', NOW]);
  });

  it('saves the account as given, with whatever else the caller changed', async () => {
    await replacement.replace(ann.withVerifiedEmail(NOW), 'new-hash', NOW, 'password.changed');
    expect((await users.findById('user-1'))?.emailVerifiedAt).to.deep.equal(NOW);
  });

  it("ends every session of the user's, now, and no one else's", async () => {
    await replacement.replace(ann, 'new-hash', NOW, 'password.changed');
    expect([sessions.revokedAt('session-1'), sessions.revokedAt('session-3')]).to.deep.equal([NOW, null]);
  });

  it("ends every outstanding link of the user's, of every purpose, now", async () => {
    await replacement.replace(ann, 'new-hash', NOW, 'password.changed');
    expect([tokens.recordOf('reset-1')?.supersededAt, tokens.recordOf('verify-1')?.supersededAt]).to.deep.equal([NOW, NOW]);
  });

  it("leaves another user's links alone", async () => {
    await replacement.replace(ann, 'new-hash', NOW, 'password.changed');
    expect(await tokens.findValid('reset-bob', 'password_reset', NOW)).to.equal('user-2');
  });

  it('saves no new password when the links could not be ended, the sessions ended all the same', async () => {
    const outage = new Error('account tokens unreachable');
    sinon.stub(tokens, 'supersedeAllOfUser').rejects(outage);
    expect(await rejectionOf(replacement.replace(ann, 'new-hash', NOW, 'password.changed'))).to.equal(outage);
    expect([(await users.findById('user-1'))?.passwordHash, sessions.revokedAt('session-1')]).to.deep.equal(['old-hash', NOW]);
  });

  it('records the replacement as the event the caller names, with the save', async () => {
    await replacement.replace(ann, 'new-hash', NOW, 'password.reset');
    expect(audit.events).to.deep.equal([{ type: 'password.reset', userId: 'user-1' }]);
  });

  it('records nothing when the save fails', async () => {
    const outage = new Error('users unreachable');
    sinon.stub(users, 'update').rejects(outage);
    expect(await rejectionOf(replacement.replace(ann, 'new-hash', NOW, 'password.changed'))).to.equal(outage);
    expect(audit.events).to.deep.equal([]);
  });
});
