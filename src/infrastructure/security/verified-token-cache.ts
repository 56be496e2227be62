import type { AccessTokenClaims } from '../../application/ports/access-token-verifier.js';

interface Entry {
  /** The whole token: only this exact text hits. */
  readonly token: string;
  readonly claims: AccessTokenClaims;
  /** Seconds since the epoch, as in the token. */
  readonly exp: number;
  readonly nbf: number | undefined;
}

/**
 * Access tokens that passed the full check (signature, algorithm, typ, iss, aud, required
 * claims), by their exact text: a client sends the same token with every call for its whole
 * life, and checking it again cost ~60 µs of the ~100 µs of GET /users/me (bench/, README
 * "Performance"). An entry holds the whole token, compared on every hit, so only a token
 * already verified can hit; time is checked again on every hit, as jose does (exp, nbf, with
 * the same tolerance), so a cached token expires on time. Failures are never kept. Bounded:
 * the oldest entry goes first, and a miss costs only the full check. Found by the signature,
 * the token's last part: every request brings the token as a new string, which the Map would
 * hash again, all ~350 characters of it (~0.3 µs a request, issue 18).
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity: number,
    private readonly toleranceS: number,
  ) {}

  get(token: string, now: Date): AccessTokenClaims | undefined {
    const found = signatureOf(token);
    const entry = this.entries.get(found);
    if (entry?.token !== token) return undefined;
    const nowS = Math.floor(now.getTime() / 1000);
    if (entry.exp <= nowS - this.toleranceS || (entry.nbf !== undefined && entry.nbf > nowS + this.toleranceS)) {
      this.entries.delete(found);
      return undefined;
    }
    // A fresh Date: no caller can change what the next one is given.
    return { ...entry.claims, issuedAt: new Date(entry.claims.issuedAt.getTime()) };
  }

  set(token: string, claims: AccessTokenClaims, exp: number, nbf: number | undefined): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(signatureOf(token), { token, claims, exp, nbf });
  }
}

// A JWS's signature is its text after the last dot (a token without one: the whole text).
const signatureOf = (token: string) => token.slice(token.lastIndexOf('.') + 1);
