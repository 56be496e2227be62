import { createHash } from 'node:crypto';

/**
 * How bearer secrets (refresh tokens, mailed link tokens) are stored: SHA-256, hex. They are
 * 256 random bits, so a fast unsalted hash is enough; no stretching is needed or wanted.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
