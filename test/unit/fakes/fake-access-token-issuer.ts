import type {
  AccessTokenIssuer,
  AccessTokenRequest,
  IssuedAccessToken,
} from '../../../src/application/ports/access-token-issuer.js';

/** Issues readable tokens, `access-<n>:<userId>:<sessionId>`, and records each request. */
export class FakeAccessTokenIssuer implements AccessTokenIssuer {
  readonly requests: AccessTokenRequest[] = [];

  constructor(private readonly expiresIn = 900) {}

  async issue(request: AccessTokenRequest): Promise<IssuedAccessToken> {
    this.requests.push(request);
    return { token: `access-${this.requests.length}:${request.userId}:${request.sessionId}`, expiresIn: this.expiresIn };
  }
}
