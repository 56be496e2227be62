import { expect } from 'chai';
import { DependencyUnavailable } from '../../../src/domain/errors.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';
import { APP_BASE_URL, NOW, RESET_TTL_MS, RESOLUTION_BATCH, at, recoveryFixture, type RecoveryFixture } from './recovery-fixture.js';

describe('ResolvePasswordResetRequests', () => {
  let f: RecoveryFixture;

  beforeEach(async () => {
    f = await recoveryFixture();
  });

  describe('a request for a registered address', () => {
    let report: Awaited<ReturnType<RecoveryFixture['resolveResets']['execute']>>;

    beforeEach(async () => {
      await f.resetRequests.add('ann@example.com', at(-5_000));
      report = await f.resolveResets.execute();
    });

    it('issues one reset token for the account, expiring PASSWORD_RESET_TTL from the resolution', () => {
      const record = only(f.tokens.all());
      expect(record).to.include({ userId: 'user-1', purpose: 'password_reset', usedAt: null, supersededAt: null });
      expect([record.createdAt, record.expiresAt]).to.deep.equal([NOW, at(RESET_TTL_MS)]);
    });

    it('makes the issued token the one that is valid', async () => {
      expect(await f.tokens.findValid('secret-1', 'password_reset', NOW)).to.equal('user-1');
    });

    it('queues one mail to the address as the account holds it, not as it was requested', () => {
      expect(only(f.tokens.mails).to).to.equal('Ann@example.com');
    });

    it('puts the link {APP_BASE_URL}/reset-password#token=<token> in the text of the mail', () => {
      expect(only(f.tokens.mails).text).to.include(`${APP_BASE_URL}/reset-password#token=secret-1`);
    });

    it('deletes the request, and reports it mailed', () => {
      expect([f.resetRequests.all(), report]).to.deep.equal([[], { mailed: 1, discarded: 0 }]);
    });
  });

  describe('a request for an unknown address', () => {
    let report: Awaited<ReturnType<RecoveryFixture['resolveResets']['execute']>>;

    beforeEach(async () => {
      await f.resetRequests.add('nobody@example.com', at(-5_000));
      report = await f.resolveResets.execute();
    });

    it('issues no token and queues no mail', () => {
      expect([f.tokens.all(), f.tokens.mails]).to.deep.equal([[], []]);
    });

    it('is deleted: the address nobody has is kept no longer, and reported discarded', () => {
      expect([f.resetRequests.all(), report]).to.deep.equal([[], { mailed: 0, discarded: 1 }]);
    });
  });

  it('resolves two requests for one address in order: the second link supersedes the first', async () => {
    await f.resetRequests.add('ann@example.com', at(-2_000));
    await f.resetRequests.add('ANN@example.com', at(-1_000));
    await f.resolveResets.execute();
    const valid = await Promise.all(['secret-1', 'secret-2'].map((token) => f.tokens.findValid(token, 'password_reset', NOW)));
    expect([valid, f.tokens.mails.length]).to.deep.equal([[null, 'user-1'], 2]);
  });

  it('takes at most the batch size in one round, oldest first, and the rest in the next', async () => {
    for (let n = RESOLUTION_BATCH + 1; n >= 1; n -= 1) await f.resetRequests.add(`nobody-${n}@example.com`, at(-n));
    await f.resolveResets.execute();
    expect(f.resetRequests.all().map((request) => request.email)).to.deep.equal(['nobody-1@example.com']);
    await f.resolveResets.execute();
    expect(f.resetRequests.all()).to.deep.equal([]);
  });

  describe('while the database is down', () => {
    beforeEach(async () => {
      await f.resetRequests.add('ann@example.com', at(-5_000));
      f.resetRequests.failResolves(1);
    });

    it('fails the round with DependencyUnavailable, writing nothing', async () => {
      expect(await rejectionOf(f.resolveResets.execute())).to.be.instanceOf(DependencyUnavailable);
      expect([f.tokens.all(), f.tokens.mails]).to.deep.equal([[], []]);
    });

    it('keeps the request, and mails it in the next round once the database is back', async () => {
      await rejectionOf(f.resolveResets.execute());
      await f.resolveResets.execute();
      expect([f.resetRequests.all(), only(f.tokens.mails).to]).to.deep.equal([[], 'Ann@example.com']);
    });
  });

  it('mails a request once when another instance resolves it at the same time', async () => {
    await f.resetRequests.add('ann@example.com', at(-5_000));
    await Promise.all([f.resolveResets.execute(), f.resolveResets.execute()]);
    expect(f.tokens.mails).to.have.lengthOf(1);
  });
});
