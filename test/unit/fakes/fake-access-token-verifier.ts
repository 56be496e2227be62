import type { AccessTokenClaims, AccessTokenVerifier } from '../../../src/application/ports/access-token-verifier.js';
import { InvalidAccessToken } from '../../../src/domain/errors.js';

/** Knows only the tokens it was told to accept; like the real one, refuses the rest with InvalidAccessToken. */
export class FakeAccessTokenVerifier implements AccessTokenVerifier {
  private readonly valid = new Map<string, AccessTokenClaims>();

  accept(token: string, claims: AccessTokenClaims): void {
    this.valid.set(token, claims);
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    const claims = this.valid.get(token);
    if (!claims) throw new InvalidAccessToken();
    return claims;
  }
}
