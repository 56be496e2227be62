import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { JoseAccessTokenIssuer } from '../../../src/infrastructure/security/jose-access-token-issuer.js';
import { loadTokenKeys } from '../../../src/infrastructure/security/token-keys.js';
import { FixedClock } from '../fakes/fixed-clock.js';

const JWT = { issuer: 'auth-service', audience: 'auth-service', ttlMs: 900_000 };

describe('JoseAccessTokenIssuer: amr and auth_time', () => {
  async function claimsOf(request: { amr: string[]; authTime: Date }) {
    const secret = new TextEncoder().encode('a secret of at least thirty-two bytes, for the tests');
    const keys = await loadTokenKeys({ issuer: JWT.issuer, audience: JWT.audience, secret, secretWasGenerated: false, privateKeyPem: null, previousPublicKeysPem: null });
    const issuer = new JoseAccessTokenIssuer(keys, JWT, { newId: () => 'jti-1' }, new FixedClock(new Date('2026-01-01T00:10:00.900Z')));
    return decodeJwt((await issuer.issue({ userId: 'user-1', sessionId: 'session-1', ...request })).token);
  }

  it('carries the RFC 8176 methods as the amr claim', async () => {
    expect((await claimsOf({ amr: ['pwd', 'otp', 'mfa'], authTime: new Date('2026-01-01T00:00:00Z') })).amr).to.deep.equal(['pwd', 'otp', 'mfa']);
  });

  it('carries auth_time as an integer NumericDate, rounded down like iat', async () => {
    const claims = await claimsOf({ amr: ['pwd'], authTime: new Date('2026-01-01T00:00:05.999Z') });
    expect([claims.auth_time, claims.iat]).to.deep.equal([Date.parse('2026-01-01T00:00:05Z') / 1000, Date.parse('2026-01-01T00:10:00Z') / 1000]);
  });
});
