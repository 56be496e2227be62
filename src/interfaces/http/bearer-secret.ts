import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether an `Authorization` header carries this shared secret as a bearer token (METRICS_TOKEN,
 * ADMIN_API_KEY). Compared as SHA-256 digests: equal lengths for timingSafeEqual, and the time
 * taken says nothing about how much of the secret a guess got right. Anything else, a user's
 * access token included, is simply not the secret.
 */
export function bearerSecretCheck(secret: string): (authorization: string) => boolean {
  const expected = digest(secret);
  return (authorization) => timingSafeEqual(digest(/^Bearer +(\S+)$/i.exec(authorization)?.[1] ?? ''), expected);
}
