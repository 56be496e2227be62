import { createHmac } from 'node:crypto';
import type { SuccessorTokenDeriver } from '../../application/ports/successor-token-deriver.js';

/**
 * successor = HMAC-SHA256(family key, presented token), base64url: 256 bits, like a fresh
 * token. The key is the family's own random secret, stored with the session, not derived
 * from the signing key: instances that sign with different keys during a key rotation still
 * derive the same successor, so a retry that lands on another instance is still a retry.
 * Knowing the key gives nothing without the presented token, which is stored only hashed.
 */
export class HmacSuccessorTokenDeriver implements SuccessorTokenDeriver {
  successorOf(token: string, familyKey: string): string {
    return createHmac('sha256', familyKey).update(token).digest('base64url');
  }
}
