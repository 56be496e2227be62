import type { PasswordHasher } from '../../../src/application/ports/password-hasher.js';

export const CURRENT_COST = 12;
// bcrypt reads only the first 72 bytes of its input; the fake does the same, so that a use
// case that hands it a longer password is caught by the outcome, as it would be in production.
const BCRYPT_INPUT_BYTES = 72;
const HASH = /^fake\$(\d+)\$([\s\S]*)$/;
const utf8 = new TextEncoder();

/** The fake's hash format, for test set-up: `fake$<cost>$<password>`. */
export function fakeHash(password: string, cost = CURRENT_COST): string {
  return `fake$${cost}$${password}`;
}

function bytesRead(password: string): string {
  return utf8.encode(password).slice(0, BCRYPT_INPUT_BYTES).join(',');
}

export interface VerifyCall {
  readonly password: string;
  readonly hash: string;
}

/** A transparent, instant hasher that records what it was given. */
export class FakePasswordHasher implements PasswordHasher {
  readonly hashed: string[] = [];
  readonly verifyCalls: VerifyCall[] = [];
  readonly dummyHash: string;

  constructor(private readonly cost = CURRENT_COST) {
    this.dummyHash = fakeHash('\u0000dummy: no account has this password', cost);
  }

  async hash(normalizedPassword: string): Promise<string> {
    this.hashed.push(normalizedPassword);
    return fakeHash(normalizedPassword, this.cost);
  }

  async verify(normalizedPassword: string, hash: string): Promise<boolean> {
    this.verifyCalls.push({ password: normalizedPassword, hash });
    const stored = HASH.exec(hash)?.[2];
    return stored !== undefined && bytesRead(stored) === bytesRead(normalizedPassword);
  }

  needsRehash(hash: string): boolean {
    const cost = HASH.exec(hash)?.[1];
    return cost !== undefined && Number(cost) < this.cost;
  }

  /** Every password the hasher was handed, to hash or to compare. */
  passwordsSeen(): string[] {
    return [...this.hashed, ...this.verifyCalls.map((call) => call.password)];
  }
}
