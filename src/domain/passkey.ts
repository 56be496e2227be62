/** A registered WebAuthn credential (a passkey), as the store keeps it. */
export interface Passkey {
  /** The credential id, base64url, as the authenticator made it: unique among all users. */
  readonly id: string;
  readonly userId: string;
  /** The COSE public key the authenticator answered at registration. */
  readonly publicKey: Uint8Array;
  /** The signature counter last seen; 0 for authenticators (synced passkeys) that keep none. */
  readonly counter: number;
  readonly transports: readonly string[];
  readonly backupEligible: boolean;
  readonly backedUp: boolean;
  readonly aaguid: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

/** What a passkey is shown as to its owner: never the key. */
export interface PasskeyView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly backedUp: boolean;
}

export function viewOf(passkey: Passkey): PasskeyView {
  return { id: passkey.id, name: passkey.name, createdAt: passkey.createdAt, lastUsedAt: passkey.lastUsedAt, backedUp: passkey.backedUp };
}

/**
 * WebAuthn Level 3 §6.1.1: a counter that does not grow means a cloned authenticator, unless
 * both are 0 (an authenticator that keeps no counter, as synced passkeys do).
 */
export function counterRegressed(stored: number, presented: number): boolean {
  if (stored === 0 && presented === 0) return false;
  return presented <= stored;
}

/** Every WebAuthn challenge lives 5 minutes (API.md "Passkeys"). */
export const WEBAUTHN_CHALLENGE_TTL_MS = 5 * 60_000;

/**
 * What a challenge was issued for: it finishes only that. A registration for this user, a
 * passwordless login, or the second step of one login (its mfaToken).
 */
export type WebAuthnPurpose =
  | { readonly kind: 'registration'; readonly userId: string }
  | { readonly kind: 'login' }
  | { readonly kind: 'second_step'; readonly userId: string; readonly mfaToken: string };

/** RFC 8176: a hardware-secured key with user verification (PIN or biometric) is two factors. */
export const PASSKEY_AMR: readonly string[] = ['hwk', 'user', 'mfa'];
/** A password, then a passkey as the second factor. */
export const PASSWORD_AND_PASSKEY_AMR: readonly string[] = ['pwd', 'hwk', 'mfa'];

/** The longest name an owner may give a passkey. */
export const PASSKEY_NAME_MAX_LENGTH = 64;
