import type { Passkey } from '../../domain/passkey.js';

/** A JSON object exactly as WebAuthn Level 3 defines it (options or a credential's toJSON()). */
export type WebAuthnJson = Readonly<Record<string, unknown>>;

/** A credential as options name it (excludeCredentials, allowCredentials). */
export interface CredentialDescriptor {
  readonly id: string;
  readonly transports: readonly string[];
}

/** Options for the browser, and the challenge in them (base64url) that the response must carry. */
export interface IssuedOptions {
  readonly options: WebAuthnJson;
  readonly challenge: string;
}

/** What a verified registration proves about the new credential: the passkey's key facts, and its id. */
export type VerifiedRegistration = { readonly credentialId: string } & Pick<Passkey, 'publicKey' | 'counter' | 'transports' | 'backupEligible' | 'backedUp' | 'aaguid'>;

/** What a verified assertion tells: the counter it carries, and whether the key is backed up now. */
export interface VerifiedAssertion {
  readonly counter: number;
  readonly backedUp: boolean;
}

/**
 * WebAuthn Level 3 ceremonies for this relying party (its RP ID, name and allowed origins are
 * the adapter's): options in their JSON forms, and verification of the browser's responses
 * with user verification required. Challenges are random, made here. Never throws for a bad
 * response: a response that does not parse or does not verify is null (or false).
 */
export interface WebAuthnVerifier {
  /** Creation options for a discoverable credential (residentKey required), user verification required. */
  registrationOptions(input: { readonly userHandle: string; readonly userName: string; readonly exclude: readonly CredentialDescriptor[] }): Promise<IssuedOptions>;
  /** Request options; no `allow`: any discoverable credential of this RP. */
  authenticationOptions(input: { readonly allow?: readonly CredentialDescriptor[] }): Promise<IssuedOptions>;
  /** The challenge a response's clientDataJSON carries, unchecked; null when it has none. */
  challengeOf(response: unknown): string | null;
  /** The credential id of an assertion, and the user handle the authenticator returned (null if none). */
  credentialOf(response: unknown): { readonly id: string; readonly userHandle: string | null } | null;
  verifyRegistration(input: { readonly response: unknown; readonly challenge: string }): Promise<VerifiedRegistration | null>;
  /**
   * Checks the assertion's origin, RP ID, flags and signature against the stored public key.
   * The counter is not judged here (the caller compares it with the stored one).
   */
  verifyAuthentication(input: { readonly response: unknown; readonly challenge: string; readonly credentialId: string; readonly publicKey: Uint8Array }): Promise<VerifiedAssertion | null>;
}
