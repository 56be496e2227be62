import type { AccessTokenClaims } from '../../application/ports/access-token-verifier.js';

interface Entry {
  readonly claims: AccessTokenClaims;
  /** Seconds since the epoch, as in the token. */
  readonly exp: number;
  readonly nbf: number | undefined;
}

/**
 * Access tokens that passed the full check (signature, algorithm, typ, iss, aud, required
 * claims), by their exact text: a client sends the same token with every call for its whole
 * life, and checking it again cost ~60 µs of the ~100 µs of GET /users/me (bench/, README
 * "Performance"). The key is the whole token, signature included, so only a token already
 * verified can hit; time is checked again on every hit, as jose does (exp, nbf, with the same
 * tolerance), so a cached token expires on time. Failures are never kept. Bounded: the oldest
 * entry goes first, and a miss costs only the full check.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity: number,
    private readonly toleranceS: number,
  ) {}

  get(token: string, now: Date): AccessTokenClaims | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const nowS = Math.floor(now.getTime() / 1000);
    if (entry.exp <= nowS - this.toleranceS || (entry.nbf !== undefined && entry.nbf > nowS + this.toleranceS)) {
      this.entries.delete(token);
      return undefined;
    }
    // A fresh Date: no caller can change what the next one is given.
    return { ...entry.claims, issuedAt: new Date(entry.claims.issuedAt.getTime()) };
  }

  set(token: string, claims: AccessTokenClaims, exp: number, nbf: number | undefined): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { claims, exp, nbf });
  }
}
