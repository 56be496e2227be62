import type { AuthenticationResponseJSON, AuthenticatorTransport, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { CredentialDescriptor, IssuedOptions, VerifiedAssertion, VerifiedRegistration, WebAuthnJson, WebAuthnVerifier } from '../../application/ports/webauthn-verifier.js';
import { WEBAUTHN_CHALLENGE_TTL_MS } from '../../domain/passkey.js';

export interface RelyingParty {
  /** WEBAUTHN_RP_ID: a domain, e.g. example.com (the origins' host or a parent of it). */
  readonly id: string;
  readonly name: string;
  /** WEBAUTHN_ORIGINS: where the browser may run a ceremony, e.g. https://app.example.com. */
  readonly origins: readonly string[];
}

// EdDSA, ES256, RS256 (COSE): what authenticators make; the same list at creation and verification.
const ALGORITHMS = [-8, -7, -257];

// Loaded at the first ceremony, not at start: with its ASN.1 and COSE dependencies it is ~250
// modules, a sixth of what the service loads, ~300 ms of the start and ~15 MB that a
// service whose users have no passkeys never needs.
let library: Promise<typeof import('@simplewebauthn/server')> | undefined;
const simpleWebAuthn = () => (library ??= import('@simplewebauthn/server'));

const descriptor = (credential: CredentialDescriptor) => ({ id: credential.id, transports: [...credential.transports] as AuthenticatorTransport[] });

/**
 * WebAuthn Level 3 through @simplewebauthn/server (maintained, verifies attestation 'none' and
 * the usual formats, and answers the spec's JSON forms that the browser's
 * parseCreationOptionsFromJSON reads). User verification is required in options and in
 * verification. Anything the library throws for a hostile response is a refusal (null), never
 * a 500.
 */
export class SimpleWebAuthnVerifier implements WebAuthnVerifier {
  constructor(private readonly rp: RelyingParty) {}

  async registrationOptions(input: { userHandle: string; userName: string; exclude: readonly CredentialDescriptor[] }): Promise<IssuedOptions> {
    const options = await (await simpleWebAuthn()).generateRegistrationOptions({
      rpName: this.rp.name,
      rpID: this.rp.id,
      userName: input.userName,
      userDisplayName: input.userName,
      userID: new Uint8Array(Buffer.from(input.userHandle, 'base64url')),
      timeout: WEBAUTHN_CHALLENGE_TTL_MS,
      attestationType: 'none',
      excludeCredentials: input.exclude.map(descriptor),
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
      supportedAlgorithmIDs: ALGORITHMS,
    });
    return { options: options as unknown as WebAuthnJson, challenge: options.challenge };
  }

  async authenticationOptions(input: { allow?: readonly CredentialDescriptor[] }): Promise<IssuedOptions> {
    const options = await (await simpleWebAuthn()).generateAuthenticationOptions({
      rpID: this.rp.id,
      allowCredentials: input.allow?.map(descriptor),
      userVerification: 'required',
      timeout: WEBAUTHN_CHALLENGE_TTL_MS,
    });
    // Discoverable credentials: no list at all (the library would send an empty one).
    const { allowCredentials: _empty, ...rest } = options;
    return { options: (input.allow ? options : rest) as unknown as WebAuthnJson, challenge: options.challenge };
  }

  challengeOf(response: unknown): string | null {
    try {
      const clientData: unknown = JSON.parse(Buffer.from(String(field(field(response, 'response'), 'clientDataJSON')), 'base64url').toString('utf8'));
      const challenge = field(clientData, 'challenge');
      return typeof challenge === 'string' && challenge !== '' ? challenge : null;
    } catch {
      return null;
    }
  }

  credentialOf(response: unknown): { id: string; userHandle: string | null } | null {
    const id = field(response, 'id');
    const userHandle = field(field(response, 'response'), 'userHandle');
    if (typeof id !== 'string' || id === '') return null;
    return { id, userHandle: typeof userHandle === 'string' && userHandle !== '' ? userHandle : null };
  }

  async verifyRegistration(input: { response: unknown; challenge: string }): Promise<VerifiedRegistration | null> {
    try {
      const result = await (await simpleWebAuthn()).verifyRegistrationResponse({
        response: input.response as RegistrationResponseJSON,
        expectedChallenge: input.challenge,
        expectedOrigin: [...this.rp.origins],
        expectedRPID: this.rp.id,
        requireUserVerification: true,
        supportedAlgorithmIDs: ALGORITHMS,
      });
      if (!result.verified) return null;
      const { credential, credentialDeviceType, credentialBackedUp, aaguid } = result.registrationInfo;
      return {
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        backupEligible: credentialDeviceType === 'multiDevice',
        backedUp: credentialBackedUp,
        aaguid,
      };
    } catch {
      return null;
    }
  }

  async verifyAuthentication(input: { response: unknown; challenge: string; credentialId: string; publicKey: Uint8Array }): Promise<VerifiedAssertion | null> {
    try {
      const result = await (await simpleWebAuthn()).verifyAuthenticationResponse({
        response: input.response as AuthenticationResponseJSON,
        expectedChallenge: input.challenge,
        expectedOrigin: [...this.rp.origins],
        expectedRPID: this.rp.id,
        // Counter 0: the library's own counter check is off; PasskeyAssertionCheck judges the
        // counter after the signature, so that only a genuine assertion is logged as a regression.
        credential: { id: input.credentialId, publicKey: new Uint8Array(input.publicKey), counter: 0 },
        requireUserVerification: true,
      });
      return result.verified ? { counter: result.authenticationInfo.newCounter, backedUp: result.authenticationInfo.credentialBackedUp } : null;
    } catch {
      return null;
    }
  }
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}
