import { expect } from 'chai';
import { RevokeSession } from '../../../src/application/use-cases/revoke-session.js';
import { SessionNotFound } from '../../../src/domain/errors.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { rejectionOf } from '../support/rejection-of.js';
import { NOW, at, sessionFixture, startSession, type SessionFixture } from '../support/session-fixture.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

const principal = { userId: 'user-1', sessionId: 'session-1' };

async function expectSessionNotFound(promise: Promise<unknown>): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(SessionNotFound);
  expect(error).to.have.property('code', 'session_not_found');
}

describe('RevokeSession', () => {
  let f: SessionFixture;
  let revokeSession: RevokeSession;

  beforeEach(async () => {
    f = sessionFixture();
    revokeSession = new RevokeSession(f.sessions, new FixedClock(NOW), f.audit);
    await startSession(f.sessions, { id: 'session-1', token: 'refresh-1' });
    await startSession(f.sessions, { id: 'session-2', token: 'refresh-2' });
    await startSession(f.sessions, { id: 'session-3', userId: 'user-2', token: 'refresh-3' });
  });

  it("revokes one of the caller's live sessions now", async () => {
    await revokeSession.execute({ principal, sessionId: 'session-2' });
    expect(f.sessions.revokedAt('session-2')?.getTime()).to.equal(NOW.getTime());
  });

  it("leaves the caller's other sessions live", async () => {
    await revokeSession.execute({ principal, sessionId: 'session-2' });
    expect(f.sessions.revokedAt('session-1')).to.equal(null);
  });

  it("refuses another user's session with SessionNotFound", async () => {
    await expectSessionNotFound(revokeSession.execute({ principal, sessionId: 'session-3' }));
  });

  it("leaves another user's session live", async () => {
    await rejectionOf(revokeSession.execute({ principal, sessionId: 'session-3' }));
    expect(f.sessions.revokedAt('session-3')).to.equal(null);
  });

  it('refuses an unknown session id with SessionNotFound', async () => {
    await expectSessionNotFound(revokeSession.execute({ principal, sessionId: 'session-9' }));
  });

  it("refuses an already revoked session of the caller's with SessionNotFound", async () => {
    await f.sessions.revoke('session-2', at(-1000));
    await expectSessionNotFound(revokeSession.execute({ principal, sessionId: 'session-2' }));
  });
});
