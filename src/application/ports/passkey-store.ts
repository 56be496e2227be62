import type { Passkey } from '../../domain/passkey.js';

/**
 * The users' passkeys and their opaque WebAuthn user handles (never the e-mail: WebAuthn
 * Level 3 §14.6.1). Throws DependencyUnavailable when the store is unreachable.
 */
export interface PasskeyStore {
  /** The user's handle, stored: `candidate` when the user had none (of concurrent calls, one candidate wins and all answer it). */
  userHandle(userId: string, candidate: string): Promise<string>;
  /** The user's handle if one was made; null before the first registration. */
  findUserHandle(userId: string): Promise<string | null>;
  /** @throws PasskeyAlreadyRegistered when a passkey with this id exists (any user's) */
  add(passkey: Passkey): Promise<void>;
  listOf(userId: string): Promise<Passkey[]>;
  find(credentialId: string): Promise<Passkey | null>;
  hasAny(userId: string): Promise<boolean>;
  /** Removes the user's passkey with this id; false when the user has none such. */
  remove(userId: string, credentialId: string): Promise<boolean>;
  /**
   * Records a use with `counter`, by one conditional update that passes only while the stored
   * counter is below it (or both are 0): false, changing nothing, for a counter that did not
   * grow, even against a concurrent use.
   */
  recordUse(use: { readonly credentialId: string; readonly counter: number; readonly backedUp: boolean; readonly at: Date }): Promise<boolean>;
}
