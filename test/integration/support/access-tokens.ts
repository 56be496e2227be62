import { decodeJwt, decodeProtectedHeader, SignJWT, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { TEST_JWT_SECRET } from './test-service.js';

/** Header and claims of a compact JWS, read without verifying it. */
export function decodeAccessToken(token: string): { header: ProtectedHeaderParameters; claims: JWTPayload } {
  return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
}

export interface SignOptions {
  /** The header: alg HS256 and typ at+jwt unless given; take kid from a real token. */
  readonly header: { kid: string; alg?: string; typ?: string };
  readonly claims: JWTPayload;
  readonly secret?: string;
}

/** Signs a token the way the service would (HS256, test secret), with whatever claims given. */
export function signAccessToken(options: SignOptions): Promise<string> {
  const { kid, alg = 'HS256', typ = 'at+jwt' } = options.header;
  return new SignJWT(options.claims)
    .setProtectedHeader({ alg, kid, typ })
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

/** An `alg: none` token (RFC 7519 §6): header and claims, empty signature. */
export function unsecuredToken(header: Record<string, unknown>, claims: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ ...header, alg: 'none' })}.${part(claims)}.`;
}

/**
 * The claims of a real token with fresh times, to be altered one at a time. The service refuses
 * a token issued before the account's latest password change: iat is whole seconds here, so
 * back-date the account's password_changed_at when it may be younger than a second.
 */
export function freshClaims(real: JWTPayload, nowS = Math.floor(Date.now() / 1000)): JWTPayload {
  return { ...real, iat: nowS, exp: nowS + 600 };
}
