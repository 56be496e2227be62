import { createHash } from 'node:crypto';
import type { MfaChallengeStore } from '../../../src/application/ports/mfa-challenge-store.js';
import { isLiveChallenge, type MfaChallenge } from '../../../src/domain/mfa-challenge.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const roundTrip = () => Promise.resolve();

/** Login second steps in memory, keyed by the token's hash as the adapter's rows are; spending is one atomic check-and-set. */
export class InMemoryMfaChallengeStore implements MfaChallengeStore {
  private readonly records = new Map<string, MfaChallenge>();

  async add(challenge: { token: string; userId: string; expiresAt: Date }): Promise<void> {
    await roundTrip();
    this.records.set(hashOf(challenge.token), { userId: challenge.userId, expiresAt: challenge.expiresAt, spentAt: null, failures: 0 });
  }

  async find(token: string): Promise<MfaChallenge | null> {
    await roundTrip();
    return this.records.get(hashOf(token)) ?? null;
  }

  async spend(token: string, now: Date, maxFailures: number): Promise<boolean> {
    await roundTrip();
    const record = this.records.get(hashOf(token));
    if (!record || !isLiveChallenge(record, now, maxFailures)) return false;
    this.records.set(hashOf(token), { ...record, spentAt: now });
    return true;
  }

  async countFailure(token: string): Promise<void> {
    await roundTrip();
    const record = this.records.get(hashOf(token));
    if (record) this.records.set(hashOf(token), { ...record, failures: record.failures + 1 });
  }

  /** What is stored for a token, found by its hash. */
  recordOf(token: string): MfaChallenge | undefined {
    return this.records.get(hashOf(token));
  }

  /** Every token hash stored: none may be a token itself. */
  storedKeys(): string[] {
    return [...this.records.keys()];
  }
}
