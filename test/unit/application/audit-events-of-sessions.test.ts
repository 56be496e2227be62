import { expect } from 'chai';
import type { LoginUserInput } from '../../../src/application/use-cases/login-user.js';
import { LogoutSession } from '../../../src/application/use-cases/logout-session.js';
import { RevokeSession } from '../../../src/application/use-cases/revoke-session.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { NOW as LOGIN_NOW, PASSWORD, loginFixture } from '../support/login-fixture.js';
import { rejectionOf } from '../support/rejection-of.js';
import { GRACE_MS, NOW, at, refreshSession, refreshedEarlier, sessionFixture, startSession } from '../support/session-fixture.js';

const input: LoginUserInput = { email: 'ann@example.com', password: PASSWORD, userAgent: 'curl/8', ip: '192.0.2.7' };

describe('Audit events of logins and sessions', () => {
  it('records login.succeeded with the new session and its amr', async () => {
    const f = await loginFixture();
    await f.loginUser.execute(input);
    expect(f.audit.events).to.deep.equal([{ type: 'login.succeeded', userId: 'user-1', sessionId: 'session-1', details: { amr: ['pwd'] } }]);
  });

  it('records login.failed for a wrong password, with the account, and no password anywhere', async () => {
    const f = await loginFixture();
    await rejectionOf(f.loginUser.execute({ ...input, password: `${PASSWORD}!` }));
    expect(f.audit.events).to.deep.equal([{ type: 'login.failed', userId: 'user-1', details: { reason: 'wrong_password', during: 'login' } }]);
    expect(JSON.stringify(f.audit.events)).not.to.include(PASSWORD);
  });

  it('records login.failed with no account for an unknown address, and not the address', async () => {
    const f = await loginFixture();
    await rejectionOf(f.loginUser.execute({ ...input, email: 'nobody@example.com' }));
    expect(f.audit.events).to.deep.equal([{ type: 'login.failed', userId: null, details: { reason: 'unknown_email', during: 'login' } }]);
  });

  it('records login.failed for the right password of a disabled account', async () => {
    const f = await loginFixture();
    await f.users.update(f.user.withDisabled(LOGIN_NOW));
    await rejectionOf(f.loginUser.execute(input));
    expect(f.audit.events).to.deep.equal([{ type: 'login.failed', userId: 'user-1', details: { reason: 'account_disabled', during: 'login' } }]);
  });

  it('records login.throttled once the limit is reached', async () => {
    const f = await loginFixture({ attemptLimit: 1 });
    await rejectionOf(f.loginUser.execute({ ...input, password: `${PASSWORD}!` }));
    await rejectionOf(f.loginUser.execute(input));
    expect(f.audit.types()).to.deep.equal(['login.failed', 'login.throttled']);
    expect(f.audit.events[1]).to.deep.equal({ type: 'login.throttled', userId: 'user-1', details: { scope: 'login' } });
  });

  it('lets a login fail when its event cannot be written, starting nothing recorded', async () => {
    const f = await loginFixture();
    const outage = new Error('audit_events unreachable');
    f.audit.failing = outage;
    expect(await rejectionOf(f.loginUser.execute(input))).to.equal(outage);
    expect(f.audit.events).to.deep.equal([]);
  });

  it('records refresh.reuse_detected with the revoked session', async () => {
    const f = sessionFixture();
    await startSession(f.sessions);
    const successor = await refreshedEarlier(f, 'refresh-1', at(-5000));
    await refreshedEarlier(f, successor, at(-2000));
    await rejectionOf(refreshSession(f).execute({ refreshToken: 'refresh-1', userAgent: null, ip: null }));
    expect(f.audit.events).to.deep.equal([{ type: 'refresh.reuse_detected', userId: 'user-1', sessionId: 'session-1', details: { during: 'refresh' } }]);
  });

  it('records nothing for a refresh or a retry within the grace', async () => {
    const f = sessionFixture();
    await startSession(f.sessions);
    await refreshSession(f).execute({ refreshToken: 'refresh-1', userAgent: null, ip: null });
    await refreshSession(f).execute({ refreshToken: 'refresh-1', userAgent: null, ip: null });
    expect(f.audit.events).to.deep.equal([]);
  });

  it('records session.ended by logout', async () => {
    const f = sessionFixture();
    await startSession(f.sessions);
    await new LogoutSession(f.sessions, f.deriver, f.events, new FixedClock(NOW), GRACE_MS, f.audit).execute({ refreshToken: 'refresh-1', userAgent: null, ip: null });
    expect(f.audit.events).to.deep.equal([{ type: 'session.ended', userId: 'user-1', sessionId: 'session-1', details: { by: 'logout' } }]);
  });

  it('records session.ended by revoke, and nothing for a session that is not the caller’s', async () => {
    const f = sessionFixture();
    await startSession(f.sessions, { id: 'session-1', token: 'refresh-1' });
    await startSession(f.sessions, { id: 'session-3', userId: 'user-2', token: 'refresh-3' });
    const revoke = new RevokeSession(f.sessions, new FixedClock(NOW), f.audit);
    const principal = { userId: 'user-1', sessionId: 'session-1' };
    await rejectionOf(revoke.execute({ principal, sessionId: 'session-3' }));
    await revoke.execute({ principal, sessionId: 'session-1' });
    expect(f.audit.events).to.deep.equal([{ type: 'session.ended', userId: 'user-1', sessionId: 'session-1', details: { by: 'revoke' } }]);
  });
});
