import { randomBytes } from 'node:crypto';

let lastMs = -1;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then a 12-bit sequence
 * (RFC 9562 §6.2 method 1) so that ids made in one millisecond by this process sort in the
 * order they were made, then random bits. The audit log sorts by (at, id): events of one
 * request then read back in the order they happened.
 */
export function newAuditEventId(nowMs: number): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // More than 4096 in one millisecond (or the clock went back): borrow the next millisecond.
    lastMs += 1;
    sequence = 0;
  }
  const random = randomBytes(8);
  random[0] = (random[0]! & 0x3f) | 0x80; // the RFC 4122 variant
  const hex = lastMs.toString(16).padStart(12, '0') + '7' + sequence.toString(16).padStart(3, '0') + random.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
