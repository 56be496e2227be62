import type { CredentialDescriptor, IssuedOptions, VerifiedAssertion, VerifiedRegistration, WebAuthnVerifier } from '../../../src/application/ports/webauthn-verifier.js';

/** What a test hands the fake as a browser's response: the facts a real response would prove, or fail to. */
export interface FakeResponse {
  readonly challenge?: string;
  readonly credentialId: string;
  readonly userHandle?: string | null;
  /** False: the response does not verify (a bad signature, a wrong origin or RP ID). */
  readonly valid?: boolean;
  readonly counter?: number;
}

/** Challenges "challenge-1", "challenge-2"...; options carry what they were asked for, to be read back. */
export class FakeWebAuthnVerifier implements WebAuthnVerifier {
  private issued = 0;

  async registrationOptions(input: { userHandle: string; userName: string; exclude: readonly CredentialDescriptor[] }): Promise<IssuedOptions> {
    const challenge = this.nextChallenge();
    return { challenge, options: { challenge, user: { id: input.userHandle, name: input.userName }, excludeCredentials: input.exclude.map((c) => c.id) } };
  }

  async authenticationOptions(input: { allow?: readonly CredentialDescriptor[] }): Promise<IssuedOptions> {
    const challenge = this.nextChallenge();
    return { challenge, options: { challenge, ...(input.allow ? { allowCredentials: input.allow.map((c) => c.id) } : {}) } };
  }

  challengeOf(response: unknown): string | null {
    return (response as FakeResponse).challenge ?? null;
  }

  credentialOf(response: unknown): { id: string; userHandle: string | null } | null {
    const { credentialId, userHandle } = response as FakeResponse;
    return { id: credentialId, userHandle: userHandle ?? null };
  }

  async verifyRegistration(input: { response: unknown; challenge: string }): Promise<VerifiedRegistration | null> {
    const response = input.response as FakeResponse;
    if (response.valid === false || response.challenge !== input.challenge) return null;
    return { credentialId: response.credentialId, publicKey: new Uint8Array([1, 2, 3]), counter: response.counter ?? 0, transports: ['internal'], backupEligible: true, backedUp: true, aaguid: '00000000-0000-0000-0000-000000000000' };
  }

  async verifyAuthentication(input: { response: unknown; challenge: string; credentialId: string }): Promise<VerifiedAssertion | null> {
    const response = input.response as FakeResponse;
    if (response.valid === false || response.challenge !== input.challenge || response.credentialId !== input.credentialId) return null;
    return { counter: response.counter ?? 0, backedUp: true };
  }

  private nextChallenge(): string {
    this.issued += 1;
    return `challenge-${this.issued}`;
  }
}
