import { expect } from 'chai';
import type { RefreshSessionInput, RefreshSessionOutput } from '../../../src/application/use-cases/refresh-session.js';
import { only } from '../support/only.js';
import { NOW, refreshSession, sessionFixture, startSession, type SessionFixture } from '../support/session-fixture.js';

const input: RefreshSessionInput = { refreshToken: 'refresh-1', userAgent: 'Firefox/140', ip: '203.0.113.7' };

describe('RefreshSession: concurrent refreshes of one token', () => {
  let f: SessionFixture;

  beforeEach(async () => {
    f = sessionFixture();
    await startSession(f.sessions);
  });

  describe('a request that loses the race to spend the token', () => {
    let winner: RefreshSessionOutput | undefined;
    let loser: RefreshSessionOutput;

    beforeEach(async () => {
      // Another tab's request spends refresh-1 between this request's look-up and its rotation.
      f.sessions.loseNextRotationTo(async () => {
        winner = await refreshSession(f).execute(input);
      });
      loser = await refreshSession(f).execute(input);
    });

    it("answers the winner's successor", async () => {
      expect(loser.refreshToken).to.equal(winner?.refreshToken);
    });

    it('answers with an access token of its own', async () => {
      expect(loser.accessToken).not.to.equal(winner?.accessToken);
      expect(f.accessTokens.requests).to.have.lengthOf(2);
    });

    it('leaves one live token in the family, not revoked, with no security event', async () => {
      expect(f.sessions.unspentTokens('session-1', NOW)).to.have.lengthOf(1);
      expect([f.sessions.revokedAt('session-1'), f.events.reusedRefreshTokens]).to.deep.equal([null, []]);
    });
  });

  describe('twenty at once', () => {
    let outputs: RefreshSessionOutput[];

    beforeEach(async () => {
      outputs = await Promise.all(Array.from({ length: 20 }, () => refreshSession(f).execute(input)));
    });

    it('answers all twenty with one and the same successor', async () => {
      expect([...new Set(outputs.map((output) => output.refreshToken))]).to.deep.equal([f.deriver.successorOf('refresh-1')]);
    });

    it('leaves exactly one live successor in the store', async () => {
      const successor = f.sessions.tokenRecord(f.deriver.successorOf('refresh-1'));
      expect(only(f.sessions.unspentTokens('session-1', NOW)).tokenHash).to.equal(successor?.tokenHash);
    });

    it('keeps the family live and logs no security event', async () => {
      expect([f.sessions.revokedAt('session-1'), f.events.reusedRefreshTokens]).to.deep.equal([null, []]);
    });
  });
});
