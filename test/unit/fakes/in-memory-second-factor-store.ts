import type { SecondFactorStore, TotpFactor } from '../../../src/application/ports/second-factor-store.js';

interface CodeRecord {
  readonly code: string;
  usedAt: Date | null;
}

// Every call yields once before it touches the records, as a round trip to a database would,
// so that concurrent calls interleave between a use case's reads and its writes; each write's
// check and change then happen in one step, as the adapter's conditional update does.
const roundTrip = () => Promise.resolve();

/** Second factors in memory, keeping the port's promises: each use is decided by one atomic check-and-set. */
export class InMemorySecondFactorStore implements SecondFactorStore {
  private readonly totp = new Map<string, TotpFactor & { confirmedAt: Date | null }>();
  private readonly codes = new Map<string, CodeRecord[]>();

  async findTotp(userId: string): Promise<TotpFactor | null> {
    await roundTrip();
    const factor = this.totp.get(userId);
    return factor ? { userId, secret: factor.secret, confirmed: factor.confirmed, lastUsedStep: factor.lastUsedStep } : null;
  }

  async isTotpActive(userId: string): Promise<boolean> {
    await roundTrip();
    return this.totp.get(userId)?.confirmed === true;
  }

  async enrolTotp(userId: string, secret: string, _now?: Date): Promise<boolean> {
    await roundTrip();
    if (this.totp.get(userId)?.confirmed) return false;
    this.totp.set(userId, { userId, secret, confirmed: false, lastUsedStep: null, confirmedAt: null });
    return true;
  }

  async confirmTotp(userId: string, step: number, recoveryCodes: readonly string[], now: Date): Promise<boolean> {
    await roundTrip();
    const factor = this.totp.get(userId);
    if (!factor || factor.confirmed) return false;
    this.totp.set(userId, { ...factor, confirmed: true, lastUsedStep: step, confirmedAt: now });
    this.codes.set(userId, recoveryCodes.map((code) => ({ code, usedAt: null })));
    return true;
  }

  async useTotpStep(userId: string, step: number): Promise<boolean> {
    await roundTrip();
    const factor = this.totp.get(userId);
    if (!factor?.confirmed || (factor.lastUsedStep !== null && factor.lastUsedStep >= step)) return false;
    this.totp.set(userId, { ...factor, lastUsedStep: step });
    return true;
  }

  async useRecoveryCode(userId: string, code: string, now: Date): Promise<boolean> {
    await roundTrip();
    const record = this.codes.get(userId)?.find((r) => r.code === code && r.usedAt === null);
    if (!record) return false;
    record.usedAt = now;
    return true;
  }

  async unusedRecoveryCodes(userId: string): Promise<number> {
    await roundTrip();
    return (this.codes.get(userId) ?? []).filter((r) => r.usedAt === null).length;
  }

  async replaceRecoveryCodes(userId: string, codes: readonly string[]): Promise<void> {
    await roundTrip();
    this.codes.set(userId, codes.map((code) => ({ code, usedAt: null })));
  }

  async removeAll(userId: string): Promise<void> {
    await roundTrip();
    this.totp.delete(userId);
    this.codes.delete(userId);
  }

  /** Test set-up: a confirmed factor with these recovery codes, no step used yet. */
  activate(userId: string, secret: string, recoveryCodes: readonly string[] = []): void {
    this.totp.set(userId, { userId, secret, confirmed: true, lastUsedStep: null, confirmedAt: new Date(0) });
    this.codes.set(userId, recoveryCodes.map((code) => ({ code, usedAt: null })));
  }

  /** The stored recovery codes of the user, used or not. */
  recoveryCodesOf(userId: string): readonly CodeRecord[] {
    return this.codes.get(userId) ?? [];
  }
}
