import type { PasskeyStore } from '../../../src/application/ports/passkey-store.js';
import { PasskeyAlreadyRegistered } from '../../../src/domain/errors.js';
import type { Passkey } from '../../../src/domain/passkey.js';

const roundTrip = () => Promise.resolve();

/** Passkeys and user handles in memory; the counter's conditional update is one atomic check-and-set, as the adapter's row count is. */
export class InMemoryPasskeyStore implements PasskeyStore {
  readonly passkeys = new Map<string, Passkey>();
  readonly handles = new Map<string, string>();

  async userHandle(userId: string, candidate: string): Promise<string> {
    await roundTrip();
    if (!this.handles.has(userId)) this.handles.set(userId, candidate);
    return this.handles.get(userId)!;
  }

  async findUserHandle(userId: string): Promise<string | null> {
    await roundTrip();
    return this.handles.get(userId) ?? null;
  }

  async add(passkey: Passkey): Promise<void> {
    await roundTrip();
    if (this.passkeys.has(passkey.id)) throw new PasskeyAlreadyRegistered();
    this.passkeys.set(passkey.id, passkey);
  }

  async listOf(userId: string): Promise<Passkey[]> {
    await roundTrip();
    return [...this.passkeys.values()].filter((passkey) => passkey.userId === userId);
  }

  async find(credentialId: string): Promise<Passkey | null> {
    await roundTrip();
    return this.passkeys.get(credentialId) ?? null;
  }

  async hasAny(userId: string): Promise<boolean> {
    return (await this.listOf(userId)).length > 0;
  }

  async remove(userId: string, credentialId: string): Promise<boolean> {
    await roundTrip();
    if (this.passkeys.get(credentialId)?.userId !== userId) return false;
    return this.passkeys.delete(credentialId);
  }

  async recordUse(use: { credentialId: string; counter: number; backedUp: boolean; at: Date }): Promise<boolean> {
    await roundTrip();
    const passkey = this.passkeys.get(use.credentialId);
    if (!passkey || !(passkey.counter < use.counter || (passkey.counter === 0 && use.counter === 0))) return false;
    this.passkeys.set(use.credentialId, { ...passkey, counter: use.counter, backedUp: use.backedUp, lastUsedAt: use.at });
    return true;
  }
}
