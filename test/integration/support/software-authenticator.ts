import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A WebAuthn authenticator in software, for the tests that need responses a browser would never
 * make: an ES256 key pair from node:crypto, attestation 'none', and the authenticator data and
 * CBOR built here by hand (WebAuthn Level 3 §6.1, §6.5; RFC 8949; RFC 9053 for the COSE key),
 * independent of the library the service verifies with. Each override makes one thing wrong.
 */
export interface CeremonyOverrides {
  /** The origin clientDataJSON names (a page the RP does not allow). */
  readonly origin?: string;
  /** The RP ID whose SHA-256 leads the authenticator data. */
  readonly rpId?: string;
  /** Another challenge than the options'. */
  readonly challenge?: string;
  /** The user-verified flag (default true). */
  readonly userVerified?: boolean;
}

export interface AssertionOverrides extends CeremonyOverrides {
  /** The signature counter to send; default: one more than the last sent. */
  readonly counter?: number;
  /** Sign other bytes than the ones sent. */
  readonly badSignature?: boolean;
}

const UP = 0x01;
const UV = 0x04;
const BE = 0x08;
const BS = 0x10;
const AT = 0x40;

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();
const uint32 = (n: number) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(n);
  return out;
};

export class SoftwareAuthenticator {
  readonly credentialId: Buffer;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private counter: number;
  private userHandle: string | null = null;

  /** @param options.keepsNoCounter send 0 every time, as synced passkeys do */
  constructor(
    readonly origin: string,
    readonly rpId = 'localhost',
    private readonly options: { readonly keepsNoCounter?: boolean } = {},
  ) {
    this.credentialId = randomBytes(32);
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' }));
    this.counter = 0;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  /** A RegistrationResponseJSON to creation options, as credential.toJSON() gives it. */
  register(options: Record<string, unknown>, overrides: CeremonyOverrides = {}): Record<string, unknown> {
    this.userHandle = String((options.user as { id: string }).id);
    const clientDataJSON = this.clientData('webauthn.create', String(options.challenge), overrides);
    const jwk = this.publicKey.export({ format: 'jwk' });
    // COSE_Key (RFC 9053 §7.1): kty EC2, alg ES256, crv P-256, x, y.
    const coseKey = new Map<number, unknown>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      this.authDataHead(overrides, AT, this.counter),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      this.credentialId,
      cbor(coseKey),
    ]);
    const attestationObject = cbor(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['internal'] },
    };
  }

  /** An AuthenticationResponseJSON to request options, signed with this credential's key. */
  assert(options: Record<string, unknown>, overrides: AssertionOverrides = {}): Record<string, unknown> {
    const counter = overrides.counter ?? (this.options.keepsNoCounter ? 0 : this.counter + 1);
    this.counter = Math.max(this.counter, counter);
    const clientDataJSON = this.clientData('webauthn.get', String(options.challenge), overrides);
    const authData = this.authDataHead(overrides, 0, counter);
    const signed = Buffer.concat([authData, sha256(clientDataJSON)]);
    if (overrides.badSignature) signed.writeUInt8(signed.readUInt8(0) ^ 0xff, 0);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        // ECDSA over SHA-256, DER-encoded, as WebAuthn §6.5.6 has it for ES256.
        signature: b64url(sign('sha256', signed, this.privateKey)),
        userHandle: this.userHandle,
      },
    };
  }

  private clientData(type: string, challenge: string, overrides: CeremonyOverrides): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge: overrides.challenge ?? challenge, origin: overrides.origin ?? this.origin, crossOrigin: false }));
  }

  /** rpIdHash, flags (UP, UV unless told not, backup-eligible and backed up), signCount. */
  private authDataHead(overrides: CeremonyOverrides, extraFlags: number, counter: number): Buffer {
    const flags = UP | (overrides.userVerified === false ? 0 : UV) | BE | BS | extraFlags;
    return Buffer.concat([sha256(overrides.rpId ?? this.rpId), Buffer.from([flags]), uint32(counter)]);
  }
}

/** Deterministic CBOR (RFC 8949 §4.2) of the few types a WebAuthn response needs. */
function cbor(value: unknown): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  if (value instanceof Map) return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
  throw new Error(`cbor: cannot encode ${typeof value}`);
}

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([(major << 5) | 26]), uint32(n)]);
}
