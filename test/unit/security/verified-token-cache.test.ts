import { expect } from 'chai';
import { VerifiedTokenCache } from '../../../src/infrastructure/security/verified-token-cache.js';

const TOLERANCE_S = 30;
const claims = { userId: 'user-1', sessionId: 'session-1', issuedAt: new Date('2026-01-01T00:00:00.123Z') };
const exp = Date.parse('2026-01-01T00:15:00Z') / 1000;
const at = (iso: string) => new Date(iso);

describe('VerifiedTokenCache', () => {
  it('gives back the claims of a token it holds, before its expiry', () => {
    const cache = new VerifiedTokenCache(10, TOLERANCE_S);
    cache.set('token-a', claims, exp, undefined);
    expect(cache.get('token-a', at('2026-01-01T00:14:59Z'))).to.deep.equal(claims);
  });

  it('knows only the exact text it was given', () => {
    const cache = new VerifiedTokenCache(10, TOLERANCE_S);
    cache.set('token-a', claims, exp, undefined);
    expect(cache.get('token-A', at('2026-01-01T00:00:01Z'))).to.equal(undefined);
  });

  it('knows a token by its whole text, not by its signature alone', () => {
    const cache = new VerifiedTokenCache(10, TOLERANCE_S);
    cache.set('header.payload.signature', claims, exp, undefined);
    const now = at('2026-01-01T00:00:01Z');
    expect(cache.get('header.other-payload.signature', now), 'another payload under the same signature').to.equal(undefined);
    expect(cache.get('signature', now), 'the signature alone').to.equal(undefined);
    expect(cache.get('header.payload.signature', now)).to.deep.equal(claims);
  });

  it('keeps a token for the clock tolerance past its exp, as jose does, and not a second longer', () => {
    const cache = new VerifiedTokenCache(10, TOLERANCE_S);
    cache.set('token-a', claims, exp, undefined);
    expect(cache.get('token-a', at('2026-01-01T00:15:29.999Z'))).to.deep.equal(claims);
    expect(cache.get('token-a', at('2026-01-01T00:15:30Z'))).to.equal(undefined);
  });

  it('forgets an expired token for good, even if the clock goes back', () => {
    const cache = new VerifiedTokenCache(10, TOLERANCE_S);
    cache.set('token-a', claims, exp, undefined);
    cache.get('token-a', at('2026-01-01T01:00:00Z'));
    expect(cache.get('token-a', at('2026-01-01T00:00:01Z'))).to.equal(undefined);
  });

  it('refuses a token before its nbf (beyond the tolerance)', () => {
    const cache = new VerifiedTokenCache(10, TOLERANCE_S);
    cache.set('token-a', claims, exp, Date.parse('2026-01-01T00:10:00Z') / 1000);
    expect(cache.get('token-a', at('2026-01-01T00:09:29Z'))).to.equal(undefined);
  });

  it('drops the oldest token when full', () => {
    const cache = new VerifiedTokenCache(2, TOLERANCE_S);
    for (const token of ['token-a', 'token-b', 'token-c']) cache.set(token, claims, exp, undefined);
    const now = at('2026-01-01T00:00:01Z');
    expect([cache.get('token-a', now), cache.get('token-b', now), cache.get('token-c', now)].map(Boolean)).to.deep.equal([false, true, true]);
  });

  it('gives every caller its own issuedAt, so that none can change what the next one sees', () => {
    const cache = new VerifiedTokenCache(10, TOLERANCE_S);
    cache.set('token-a', claims, exp, undefined);
    cache.get('token-a', at('2026-01-01T00:00:01Z'))!.issuedAt.setTime(0);
    expect(cache.get('token-a', at('2026-01-01T00:00:01Z'))!.issuedAt.toISOString()).to.equal('2026-01-01T00:00:00.123Z');
  });
});
