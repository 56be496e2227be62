import { expect } from 'chai';
import { InvalidCredentials, InvalidSecondFactor, MfaRequired, TooManyAttempts } from '../../../src/domain/errors.js';
import { MFA_CHALLENGE_TTL_MS } from '../../../src/domain/mfa-challenge.js';
import { codeAt } from '../fakes/fake-totp-calculator.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';
import { ACTIVE_RECOVERY_CODES, ACTIVE_SECRET, IP, NOW, PASSWORD, secondFactorFixture, type SecondFactorFixture, type SecondFactorFixtureOptions } from '../support/second-factor-fixture.js';

const client = { userAgent: 'Firefox/140', ip: IP };

describe('LoginUser and CompleteMfaLogin: the second step', () => {
  let f: SecondFactorFixture;

  async function setUp(options: SecondFactorFixtureOptions = {}) {
    f = await secondFactorFixture(options);
    f.activate();
  }
  /** The mfaToken a right password answers. */
  async function mfaToken(): Promise<string> {
    const refusal = await rejectionOf(f.login.execute({ email: 'ann@example.com', password: PASSWORD, ...client }));
    return (refusal as MfaRequired).mfaToken!;
  }
  const second = (token: string, body: { code?: string; recoveryCode?: string }) => f.completeLogin.execute({ mfaToken: token, ...body, ...client });

  describe('the password step', () => {
    beforeEach(() => setUp());

    it('answers a right password with MfaRequired, its methods and an mfaToken, and starts no session', async () => {
      const refusal = await rejectionOf(f.login.execute({ email: 'ann@example.com', password: PASSWORD, ...client }));
      expect(refusal).to.be.instanceOf(MfaRequired);
      expect([(refusal as MfaRequired).methods, (refusal as MfaRequired).mfaToken, f.sessions.started.length]).to.deep.equal([['totp', 'recovery_code'], 'secret-1', 3]);
    });

    it('stores the mfaToken only as a hash, for 5 minutes, bound to the user', async () => {
      const token = await mfaToken();
      expect(f.challenges.storedKeys()).not.to.include(token);
      expect(f.challenges.recordOf(token)).to.deep.equal({ userId: 'user-1', expiresAt: new Date(NOW.getTime() + MFA_CHALLENGE_TTL_MS), spentAt: null, failures: 0 });
    });

    it('answers a wrong password with InvalidCredentials, as for an account without TOTP, and makes no challenge', async () => {
      const refusal = await rejectionOf(f.login.execute({ email: 'ann@example.com', password: 'wrong password, long enough', ...client }));
      expect(refusal).to.be.instanceOf(InvalidCredentials);
      expect(f.challenges.storedKeys()).to.deep.equal([]);
    });
  });

  describe('the code step', () => {
    beforeEach(() => setUp());

    it('starts a session with amr pwd, otp, mfa, proved now, for a right TOTP code', async () => {
      const output = await second(await mfaToken(), { code: codeAt(ACTIVE_SECRET, NOW) });
      const started = f.sessions.started.at(-1)!;
      expect([output.userId, started.userId, started.amr, started.authTime]).to.deep.equal(['user-1', 'user-1', ['pwd', 'otp', 'mfa'], NOW]);
      expect(only(f.accessTokens.requests).amr).to.deep.equal(['pwd', 'otp', 'mfa']);
    });

    it('refuses an mfaToken whose password has been changed since, with InvalidSecondFactor, starting no session', async () => {
      const token = await mfaToken();
      const sessionsBefore = f.sessions.started.length;
      f.clock.advance(60_000);
      const ann = (await f.users.findById('user-1'))!;
      await f.users.update(ann.withChangedPassword('hash-of-a-new-password', f.clock.now()));
      const error = await rejectionOf(second(token, { code: codeAt(ACTIVE_SECRET, f.clock.now()) }));
      expect([error?.constructor.name, f.sessions.started.length]).to.deep.equal(['InvalidSecondFactor', sessionsBefore]);
    });

    it('spends the mfaToken with its first success: a second use is InvalidSecondFactor', async () => {
      const token = await mfaToken();
      await second(token, { code: codeAt(ACTIVE_SECRET, NOW) });
      expect(await rejectionOf(second(token, { code: codeAt(ACTIVE_SECRET, NOW, 1) }))).to.be.instanceOf(InvalidSecondFactor);
    });

    it('refuses a code used once already (replay), with another mfaToken', async () => {
      await second(await mfaToken(), { code: codeAt(ACTIVE_SECRET, NOW) });
      expect(await rejectionOf(second(await mfaToken(), { code: codeAt(ACTIVE_SECRET, NOW) }))).to.be.instanceOf(InvalidSecondFactor);
    });

    it('refuses the code of a step before the one used last', async () => {
      await second(await mfaToken(), { code: codeAt(ACTIVE_SECRET, NOW) });
      expect(await rejectionOf(second(await mfaToken(), { code: codeAt(ACTIVE_SECRET, NOW, -1) }))).to.be.instanceOf(InvalidSecondFactor);
    });

    it('lets exactly one of 10 concurrent second steps with one code through', async () => {
      const tokens = [];
      for (let i = 0; i < 10; i += 1) tokens.push(await mfaToken());
      const results = await Promise.allSettled(tokens.map((token) => second(token, { code: codeAt(ACTIVE_SECRET, NOW) })));
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.lengthOf(1);
    });

    it('takes a recovery code once, as typed in lower case, and logs its use as a security event', async () => {
      const output = await second(await mfaToken(), { recoveryCode: ACTIVE_RECOVERY_CODES[1].toLowerCase() });
      expect(output.userId).to.equal('user-1');
      expect(f.events.usedRecoveryCodes).to.deep.equal([{ userId: 'user-1', remaining: 2, ip: IP, userAgent: 'Firefox/140' }]);
      expect(await rejectionOf(second(await mfaToken(), { recoveryCode: ACTIVE_RECOVERY_CODES[1] }))).to.be.instanceOf(InvalidSecondFactor);
    });

    it('lets exactly one of 10 concurrent uses of one recovery code through', async () => {
      const tokens = [];
      for (let i = 0; i < 10; i += 1) tokens.push(await mfaToken());
      const results = await Promise.allSettled(tokens.map((token) => second(token, { recoveryCode: ACTIVE_RECOVERY_CODES[0] })));
      expect([results.filter((r) => r.status === 'fulfilled').length, f.events.usedRecoveryCodes.length]).to.deep.equal([1, 1]);
    });

    it('refuses an unknown mfaToken, and one 5 minutes old, with the same InvalidSecondFactor', async () => {
      const token = await mfaToken();
      f.clock.advance(MFA_CHALLENGE_TTL_MS);
      const expired = await rejectionOf(second(token, { code: codeAt(ACTIVE_SECRET, f.clock.now()) }));
      const unknown = await rejectionOf(second('no-such-token', { code: codeAt(ACTIVE_SECRET, f.clock.now()) }));
      expect([expired, unknown].map((e) => e instanceof InvalidSecondFactor)).to.deep.equal([true, true]);
    });

    it("refuses an access token or a refresh token in place of an mfaToken", async () => {
      await mfaToken();
      const refusals = await Promise.all(['refresh-1', 'access-1:user-1:session-1'].map((token) => rejectionOf(second(token, { code: codeAt(ACTIVE_SECRET, NOW) }))));
      expect(refusals.map((e) => e instanceof InvalidSecondFactor)).to.deep.equal([true, true]);
    });
  });

  describe('throttling (MFA_MAX_FAILURES 3)', () => {
    beforeEach(() => setUp({ maxFailures: 3, secondFactorLimit: 3 }));

    it('answers wrong, wrong, wrong, then a right code with TooManyAttempts, the mfaToken dead', async () => {
      const token = await mfaToken();
      const answers = [];
      for (const code of ['000001', '000002', '000003', codeAt(ACTIVE_SECRET, NOW)]) {
        answers.push(((await rejectionOf(second(token, { code }))) as Error).constructor.name);
      }
      expect(answers).to.deep.equal(['InvalidSecondFactor', 'InvalidSecondFactor', 'InvalidSecondFactor', 'TooManyAttempts']);
      expect(f.challenges.recordOf(token)?.failures).to.equal(3);
    });

    it('kills an mfaToken after 3 wrong codes even where the throttle would let a right one through', async () => {
      f = await secondFactorFixture({ maxFailures: 3 });
      f.activate();
      const token = await mfaToken();
      for (const code of ['000001', '000002', '000003']) await rejectionOf(second(token, { code }));
      expect(await rejectionOf(second(token, { code: codeAt(ACTIVE_SECRET, NOW) }))).to.be.instanceOf(InvalidSecondFactor);
      expect((await f.factors.findTotp('user-1'))?.lastUsedStep, 'the right code is not spent on a dead token').to.equal(null);
    });

    it('counts codes per account, across mfaTokens', async () => {
      for (const code of ['000001', '000002', '000003']) await rejectionOf(second(await mfaToken(), { code }));
      expect(await rejectionOf(second(await mfaToken(), { code: codeAt(ACTIVE_SECRET, NOW) }))).to.be.instanceOf(TooManyAttempts);
    });
  });
});
