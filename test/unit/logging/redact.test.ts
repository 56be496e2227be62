import { expect } from 'chai';
import { REDACTED, redact } from '../../../src/infrastructure/logging/redact.js';

describe('redact', () => {
  it('replaces a password at the top level', () => {
    expect(redact({ email: 'ann@example.com', password: 'hunter2' })).to.deep.equal({ email: 'ann@example.com', password: REDACTED });
  });

  it('replaces credential headers, whatever their case, and keeps the others', () => {
    const headers = { Authorization: 'Bearer eyJ', cookie: 'sid=1', 'user-agent': 'Firefox/140' };
    expect(redact({ req: { headers } })).to.deep.equal({
      req: { headers: { Authorization: REDACTED, cookie: REDACTED, 'user-agent': 'Firefox/140' } },
    });
  });

  it('replaces a nested passwordHash and keeps the fields beside it', () => {
    expect(redact({ user: { id: 'user-1', passwordHash: '$2b$12$abc', emailVerified: false } })).to.deep.equal({
      user: { id: 'user-1', passwordHash: REDACTED, emailVerified: false },
    });
  });

  it('replaces tokens in snake and camel case', () => {
    expect(redact({ body: { refresh_token: 'r', accessToken: 'a', token: 't', expires_in: 900 } })).to.deep.equal({
      body: { refresh_token: REDACTED, accessToken: REDACTED, token: REDACTED, expires_in: 900 },
    });
  });

  it('replaces second-factor codes, recovery codes, the otpauth URI and the mfaToken, and keeps an error code', () => {
    const body = { code: '123456', recoveryCode: 'ABCD-EFGH', recoveryCodes: ['ABCD'], otpauthUri: 'otpauth://totp/x?secret=S', mfaToken: 'm' };
    expect(redact({ body, err: { code: 'ER_DUP_ENTRY' } })).to.deep.equal({
      body: { code: REDACTED, recoveryCode: REDACTED, recoveryCodes: REDACTED, otpauthUri: REDACTED, mfaToken: REDACTED },
      err: { code: 'ER_DUP_ENTRY' },
    });
  });

  it('replaces secrets inside arrays of objects', () => {
    expect(redact([{ password: 'p', n: 1 }])).to.deep.equal([{ password: REDACTED, n: 1 }]);
  });

  it('replaces a secret-named field even when its value is an object', () => {
    expect(redact({ token: { value: 't' } })).to.deep.equal({ token: REDACTED });
  });

  it('leaves the logged object itself untouched', () => {
    const logged = { password: 'hunter2' };
    redact(logged);
    expect(logged.password).to.equal('hunter2');
  });

  it('returns strings, numbers and null as they are', () => {
    expect([redact('text'), redact(42), redact(null)]).to.deep.equal(['text', 42, null]);
  });
});
