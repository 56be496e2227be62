import { SignJWT } from 'jose';
import type { AccessTokenIssuer, AccessTokenRequest, IssuedAccessToken } from '../../application/ports/access-token-issuer.js';
import type { Clock } from '../../application/ports/clock.js';
import type { IdGenerator } from '../../application/ports/id-generator.js';
import { importedOnce } from './imported-key.js';
import type { TokenKeys } from './token-keys.js';

export interface AccessTokenSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly ttlMs: number;
}

// RFC 9068 §2.1: typed as an access token, so that no other JWT of ours can pass for one.
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export class JoseAccessTokenIssuer implements AccessTokenIssuer {
  constructor(
    private readonly keys: TokenKeys,
    private readonly settings: AccessTokenSettings,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async issue(request: AccessTokenRequest): Promise<IssuedAccessToken> {
    // Whole seconds (RFC 7519 NumericDate): PyJWT, and jose with maxTokenAge, refuse a fractional
    // iat checked within its own second as "not yet valid". Ordering a token against a password
    // change needs no milliseconds: the change ends the sessions, and with them their tokens.
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const expiresIn = Math.round(this.settings.ttlMs / 1000);
    const { alg, kid, signKey } = this.keys.signing;
    const authTime = Math.floor(request.authTime.getTime() / 1000);
    const token = await new SignJWT({ sid: request.sessionId, amr: [...request.amr], auth_time: authTime })
      .setProtectedHeader({ alg, kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(request.userId)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setJti(this.ids.newId())
      .setIssuedAt(iat)
      .setExpirationTime(iat + expiresIn)
      .sign(await importedOnce(signKey, 'sign'));
    return { token, expiresIn };
  }
}
