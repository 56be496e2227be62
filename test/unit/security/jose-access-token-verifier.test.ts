import { expect } from 'chai';
import type { Clock } from '../../../src/application/ports/clock.js';
import { JoseAccessTokenIssuer } from '../../../src/infrastructure/security/jose-access-token-issuer.js';
import { JoseAccessTokenVerifier } from '../../../src/infrastructure/security/jose-access-token-verifier.js';
import { loadTokenKeys, type TokenKeys } from '../../../src/infrastructure/security/token-keys.js';

/** A clock the test moves. */
class MovableClock implements Clock {
  constructor(private ms: number) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

const JWT = { issuer: 'auth-service', audience: 'auth-service' };
const TTL_MS = 15 * 60_000;

async function hmacKeys(secret: string): Promise<TokenKeys> {
  return loadTokenKeys({ ...JWT, secret: new TextEncoder().encode(secret), secretWasGenerated: false, privateKeyPem: null, previousPublicKeysPem: null });
}

describe('JoseAccessTokenVerifier', () => {
  const start = Date.parse('2026-01-01T00:00:00Z');
  let keys: TokenKeys;
  before(async () => {
    keys = await hmacKeys('a secret of at least thirty-two bytes, for the tests');
  });

  async function issued(clock: Clock): Promise<string> {
    const issuer = new JoseAccessTokenIssuer(keys, { ...JWT, ttlMs: TTL_MS }, { newId: () => 'jti-1' }, clock);
    return (await issuer.issue({ userId: 'user-1', sessionId: 'session-1', amr: ['pwd'], authTime: clock.now() })).token;
  }

  it('accepts the same token again and again while it is valid', async () => {
    const clock = new MovableClock(start);
    const verifier = new JoseAccessTokenVerifier(keys, JWT, clock);
    const token = await issued(clock);
    const first = await verifier.verify(token);
    clock.advance(TTL_MS - 1_000);
    expect(await verifier.verify(token)).to.deep.equal(first);
    expect(first).to.deep.equal({ userId: 'user-1', sessionId: 'session-1', issuedAt: new Date(start) });
  });

  it('refuses a token it has accepted before once it expired (beyond the 30 s tolerance)', async () => {
    const clock = new MovableClock(start);
    const verifier = new JoseAccessTokenVerifier(keys, JWT, clock);
    const token = await issued(clock);
    await verifier.verify(token);
    clock.advance(TTL_MS + 31_000);
    const refusal = await verifier.verify(token).then(() => null, (error: { code?: string }) => error);
    expect(refusal?.code).to.equal('invalid_access_token');
  });

  it('refuses a token whose signature was changed, even after accepting the original', async () => {
    const clock = new MovableClock(start);
    const verifier = new JoseAccessTokenVerifier(keys, JWT, clock);
    const token = await issued(clock);
    await verifier.verify(token);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const forged = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    const refusal = await verifier.verify(forged).then(() => null, (error: { code?: string }) => error);
    expect(refusal?.code).to.equal('invalid_access_token');
  });

  it('refuses a token signed with another secret', async () => {
    const clock = new MovableClock(start);
    const other = await hmacKeys('another secret of at least thirty-two bytes, for tests');
    const token = await new JoseAccessTokenIssuer(other, { ...JWT, ttlMs: TTL_MS }, { newId: () => 'jti-2' }, clock).issue({ userId: 'u', sessionId: 's', amr: ['pwd'], authTime: clock.now() });
    const refusal = await new JoseAccessTokenVerifier(keys, JWT, clock).verify(token.token).then(() => null, (error: { code?: string }) => error);
    expect(refusal?.code).to.equal('invalid_access_token');
  });
});
