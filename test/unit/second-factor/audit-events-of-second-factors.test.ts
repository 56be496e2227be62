import { expect } from 'chai';
import type { MfaRequired } from '../../../src/domain/errors.js';
import { codeAt } from '../fakes/fake-totp-calculator.js';
import { rejectionOf } from '../support/rejection-of.js';
import { ACTIVE_RECOVERY_CODES, ACTIVE_SECRET, IP, NOW, PASSWORD, ann, secondFactorFixture, type SecondFactorFixture } from '../support/second-factor-fixture.js';

const client = { userAgent: 'Firefox/140', ip: IP };

describe('Audit events of second factors', () => {
  let f: SecondFactorFixture;

  async function mfaToken(): Promise<string> {
    return ((await rejectionOf(f.login.execute({ email: 'ann@example.com', password: PASSWORD, ...client }))) as MfaRequired).mfaToken!;
  }

  describe('an account with TOTP', () => {
    beforeEach(async () => {
      f = await secondFactorFixture();
      f.activate();
    });

    it('records mfa.required for the right password, and no login.succeeded yet', async () => {
      await mfaToken();
      expect(f.audit.events).to.deep.equal([{ type: 'mfa.required', userId: 'user-1', details: { methods: ['totp', 'recovery_code'] } }]);
    });

    it('records mfa.failed for a wrong code, then mfa.succeeded and login.succeeded for a right one', async () => {
      const token = await mfaToken();
      await rejectionOf(f.completeLogin.execute({ mfaToken: token, code: '000000', ...client }));
      const output = await f.completeLogin.execute({ mfaToken: token, code: codeAt(ACTIVE_SECRET, NOW), ...client });
      expect(f.audit.events.slice(1)).to.deep.equal([
        { type: 'mfa.failed', userId: 'user-1', details: { method: 'totp', reason: 'wrong_code' } },
        { type: 'mfa.succeeded', userId: 'user-1', details: { method: 'totp' } },
        { type: 'login.succeeded', userId: output.userId, sessionId: 'new-session-1', details: { amr: ['pwd', 'otp', 'mfa'] } },
      ]);
    });

    it('records recovery_code.used with the codes left, and mfa.succeeded by recovery code', async () => {
      const token = await mfaToken();
      await f.completeLogin.execute({ mfaToken: token, recoveryCode: ACTIVE_RECOVERY_CODES[0]!, ...client });
      expect(f.audit.types().slice(1, 3)).to.deep.equal(['recovery_code.used', 'mfa.succeeded']);
      expect(f.audit.events[1]).to.deep.equal({ type: 'recovery_code.used', userId: 'user-1', details: { remaining: ACTIVE_RECOVERY_CODES.length - 1 } });
      expect(JSON.stringify(f.audit.events)).not.to.include(ACTIVE_RECOVERY_CODES[0]!);
    });

    it('records mfa.disabled, with the session that did it', async () => {
      await f.disable.execute({ principal: ann, currentPassword: PASSWORD, code: codeAt(ACTIVE_SECRET, NOW), ip: IP, userAgent: null });
      expect(f.audit.events.at(-1)).to.deep.equal({ type: 'mfa.disabled', userId: 'user-1', sessionId: 'session-1', details: { method: 'totp' } });
    });

    it('records recovery_codes.generated with the set’s size', async () => {
      await f.regenerate.execute({ principal: ann, currentPassword: PASSWORD, code: codeAt(ACTIVE_SECRET, NOW), ip: IP, userAgent: null });
      expect(f.audit.events.at(-1)).to.deep.equal({ type: 'recovery_codes.generated', userId: 'user-1', sessionId: 'session-1', details: { count: 10 } });
    });

    it('records login.failed during re-authentication for a missing code', async () => {
      await rejectionOf(f.regenerate.execute({ principal: ann, currentPassword: PASSWORD, ip: IP, userAgent: null }));
      expect(f.audit.events).to.deep.equal([{ type: 'login.failed', userId: 'user-1', details: { reason: 'second_factor', during: 'reauthentication' } }]);
    });
  });

  it('records mfa.enabled and recovery_codes.generated at the confirmation', async () => {
    f = await secondFactorFixture();
    await f.enrol.execute({ principal: ann, currentPassword: PASSWORD, ip: IP });
    const secret = (await f.factors.findTotp('user-1'))!.secret;
    await f.confirm.execute({ principal: ann, code: codeAt(secret, NOW) });
    expect(f.audit.events).to.deep.equal([
      { type: 'mfa.enabled', userId: 'user-1', sessionId: 'session-1', details: { method: 'totp' } },
      { type: 'recovery_codes.generated', userId: 'user-1', sessionId: 'session-1', details: { count: 10 } },
    ]);
  });

  it('records email.change_requested and email.changed, never an address', async () => {
    f = await secondFactorFixture();
    await f.requestEmailChange.execute({ principal: ann, newEmail: 'ann.new@example.com', currentPassword: PASSWORD, ip: IP, userAgent: null });
    await f.confirmEmailChange.execute({ token: 'secret-1' });
    expect(f.audit.events).to.deep.equal([
      { type: 'email.change_requested', userId: 'user-1' },
      { type: 'email.changed', userId: 'user-1' },
    ]);
    expect(JSON.stringify(f.audit.events)).not.to.match(/@example\.com/);
  });
});
