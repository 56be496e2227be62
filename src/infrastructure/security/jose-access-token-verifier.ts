import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { AccessTokenClaims, AccessTokenVerifier } from '../../application/ports/access-token-verifier.js';
import type { Clock } from '../../application/ports/clock.js';
import { InvalidAccessToken } from '../../domain/errors.js';
import { ACCESS_TOKEN_TYPE } from './jose-access-token-issuer.js';
import { importedOnce } from './imported-key.js';
import type { TokenKeys } from './token-keys.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

const CLOCK_TOLERANCE_S = 30;
// ~400 bytes a token: at most a few MB for the tokens of the last few thousand clients.
const CACHED_TOKENS = 4_096;

export class JoseAccessTokenVerifier implements AccessTokenVerifier {
  private readonly verified = new VerifiedTokenCache(CACHED_TOKENS, CLOCK_TOLERANCE_S);

  constructor(
    private readonly keys: TokenKeys,
    private readonly settings: { readonly issuer: string; readonly audience: string },
    private readonly clock: Clock,
  ) {}

  async verify(token: string): Promise<AccessTokenClaims> {
    const now = this.clock.now();
    const cached = this.verified.get(token, now);
    if (cached) return cached;
    try {
      // The kid picks the key and the key pins its algorithm: a token cannot choose either
      // (no "none", no HS256 signed with a public key).
      const key = this.keys.verification.get(decodeProtectedHeader(token).kid ?? '');
      if (!key) throw new InvalidAccessToken();
      const { payload } = await jwtVerify(token, await importedOnce(key.key, 'verify'), {
        algorithms: [key.alg],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        typ: ACCESS_TOKEN_TYPE,
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: now,
        requiredClaims: ['sub', 'sid', 'iat', 'exp', 'jti'],
      });
      if (typeof payload.sid !== 'string' || typeof payload.sub !== 'string') throw new InvalidAccessToken();
      const claims = { userId: payload.sub, sessionId: payload.sid, issuedAt: new Date(Math.round(payload.iat! * 1000)) };
      this.verified.set(token, claims, payload.exp!, payload.nbf);
      return claims;
    } catch {
      throw new InvalidAccessToken();
    }
  }
}
