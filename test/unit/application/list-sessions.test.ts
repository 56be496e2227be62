import { expect } from 'chai';
import { ListSessions } from '../../../src/application/use-cases/list-sessions.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { NOW, at, refreshedEarlier, sessionFixture, startSession, type SessionFixture } from '../support/session-fixture.js';

const principal = { userId: 'user-1', sessionId: 'session-2' };

describe('ListSessions', () => {
  let f: SessionFixture;
  let listSessions: ListSessions;

  beforeEach(async () => {
    f = sessionFixture();
    listSessions = new ListSessions(f.sessions, new FixedClock(NOW));
    await startSession(f.sessions, { id: 'session-1', token: 'refresh-1', createdAt: at(-3000) });
    await startSession(f.sessions, { id: 'session-2', token: 'refresh-2', createdAt: at(-2000) });
    await startSession(f.sessions, { id: 'session-3', userId: 'user-2', token: 'refresh-3' });
  });

  it("lists the caller's live sessions, newest use first, marking the caller's own as current", async () => {
    await refreshedEarlier(f, 'refresh-1', at(-1000));
    const listed = await listSessions.execute(principal);
    expect(listed.map(({ id, current }) => ({ id, current }))).to.deep.equal([
      { id: 'session-1', current: false },
      { id: 'session-2', current: true },
    ]);
  });

  it('shows when, from where and with what each session was used', async () => {
    const [newest] = await listSessions.execute(principal);
    expect(newest).to.deep.equal({
      id: 'session-2',
      createdAt: at(-2000),
      lastUsedAt: at(-2000),
      userAgent: 'Firefox/140',
      ip: '203.0.113.7',
      current: true,
    });
  });

  it('leaves out a revoked session', async () => {
    await f.sessions.revoke('session-1', at(-1));
    expect((await listSessions.execute(principal)).map((s) => s.id)).to.deep.equal(['session-2']);
  });

  it('marks none current when the caller’s session is not among them', async () => {
    const listed = await listSessions.execute({ userId: 'user-1', sessionId: 'session-3' });
    expect(listed.map((s) => s.current)).to.deep.equal([false, false]);
  });
});
