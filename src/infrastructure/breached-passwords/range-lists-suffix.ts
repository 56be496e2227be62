import crypto from 'node:crypto';

const SUFFIX_LENGTH = 35; // 40 hex characters of SHA-1 less the 5 of the prefix
const LINE = /^([0-9A-F]{35}):(\d+)$/;

/**
 * Reads a range answer (`SUFFIX:COUNT` lines, the rest of an uppercase SHA-1 after its
 * 5-character prefix) and says whether `suffix` is listed. Padding lines (count 0) list
 * nothing. Every line is compared, in constant time, so the answer's timing does not depend
 * on where (or whether) the suffix is found.
 * @returns null when the answer holds no line of that form at all (not a range answer)
 */
export function rangeListsSuffix(body: string, suffix: string): boolean | null {
  const wanted = Buffer.from(suffix.toUpperCase(), 'latin1');
  if (wanted.length !== SUFFIX_LENGTH) throw new RangeError(`a suffix has ${SUFFIX_LENGTH} characters`);
  let lines = 0;
  let listed = false;
  for (const line of body.split('\n')) {
    const match = LINE.exec(line.trim().toUpperCase());
    if (!match) continue;
    lines += 1;
    // Through the module object, so that a test can watch every line being compared.
    const same = crypto.timingSafeEqual(Buffer.from(match[1]!, 'latin1'), wanted);
    listed = (same && Number(match[2]) > 0) || listed;
  }
  return lines === 0 ? null : listed;
}
