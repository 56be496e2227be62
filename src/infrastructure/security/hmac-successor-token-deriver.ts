import { createHmac, createPrivateKey, hkdfSync } from 'node:crypto';
import type { SuccessorTokenDeriver } from '../../application/ports/successor-token-deriver.js';
import type { Config } from '../config/config.js';

/** successor = HMAC-SHA256(key, presented token), base64url: 256 bits, like a fresh token. */
export class HmacSuccessorTokenDeriver implements SuccessorTokenDeriver {
  private constructor(private readonly key: Buffer) {}

  /**
   * The key is derived (HKDF) from the signing secret or private key that every instance of
   * a fleet already shares, so a retry answered by another instance gets the same successor,
   * and no new secret has to be configured. A separate label keeps it apart from signing.
   */
  static fromSigningKey(jwt: Config['jwt']): HmacSuccessorTokenDeriver {
    const material = jwt.privateKeyPem
      ? createPrivateKey(jwt.privateKeyPem).export({ format: 'der', type: 'pkcs8' })
      : Buffer.from(jwt.secret!);
    return new HmacSuccessorTokenDeriver(Buffer.from(hkdfSync('sha256', material, 'auth-service', 'refresh-token-successor', 32)));
  }

  successorOf(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('base64url');
  }
}
