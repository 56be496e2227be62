import { PASSKEY_NAME_MAX_LENGTH } from '../../../domain/passkey.js';
import type { JsonSchema } from './json-schema.js';

// Caps that only bound the work on hostile input (WebAuthn ids are at most 1023 bytes); the
// body limit (16 KiB) bounds the whole. Browsers add members (publicKey, authenticatorData...):
// the JSON forms are open to them, as WebAuthn Level 3's toJSON() may grow.
const BASE64URL: JsonSchema = { type: 'string', minLength: 1, maxLength: 12_000, pattern: '^[A-Za-z0-9_-]+={0,2}$' };
const CREDENTIAL_ID: JsonSchema = { ...BASE64URL, maxLength: 1_400, description: 'The credential id, base64url.' };

const credentialMembers = {
  id: CREDENTIAL_ID,
  rawId: CREDENTIAL_ID,
  type: { const: 'public-key' },
  authenticatorAttachment: { type: 'string', maxLength: 32 },
  clientExtensionResults: { type: 'object' },
};

/** WebAuthn Level 3 RegistrationResponseJSON: what `credential.toJSON()` gives after navigator.credentials.create(). */
export const registrationResponseSchema: JsonSchema = {
  type: 'object',
  description: 'RegistrationResponseJSON (WebAuthn Level 3 §5.1): `credential.toJSON()` of the new credential.',
  properties: {
    ...credentialMembers,
    response: {
      type: 'object',
      properties: {
        clientDataJSON: BASE64URL,
        attestationObject: BASE64URL,
        transports: { type: 'array', items: { type: 'string', maxLength: 32 }, maxItems: 16 },
      },
      required: ['clientDataJSON', 'attestationObject'],
    },
  },
  required: ['id', 'rawId', 'type', 'response'],
};

/** WebAuthn Level 3 AuthenticationResponseJSON: what `credential.toJSON()` gives after navigator.credentials.get(). */
export const authenticationResponseSchema: JsonSchema = {
  type: 'object',
  description: 'AuthenticationResponseJSON (WebAuthn Level 3 §5.1): `credential.toJSON()` of the assertion.',
  properties: {
    ...credentialMembers,
    response: {
      type: 'object',
      properties: {
        clientDataJSON: BASE64URL,
        authenticatorData: BASE64URL,
        signature: BASE64URL,
        userHandle: { type: ['string', 'null'], maxLength: 1_400 },
      },
      required: ['clientDataJSON', 'authenticatorData', 'signature'],
    },
  },
  required: ['id', 'rawId', 'type', 'response'],
};

export interface AddPasskeyBody {
  readonly name: string;
  readonly response: unknown;
}

export const addPasskeySchema: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: PASSKEY_NAME_MAX_LENGTH, pattern: '\\S', description: 'The owner’s name for it, e.g. the device.', examples: ['MacBook Touch ID'] },
    response: registrationResponseSchema,
  },
  required: ['name', 'response'],
  additionalProperties: false,
};

export const passkeyLoginSchema: JsonSchema = {
  type: 'object',
  properties: { response: authenticationResponseSchema },
  required: ['response'],
  additionalProperties: false,
};

const descriptorList: JsonSchema = {
  type: 'array',
  items: { type: 'object', properties: { id: { type: 'string' }, type: { const: 'public-key' }, transports: { type: 'array', items: { type: 'string' } } }, required: ['id', 'type'] },
};

/** PublicKeyCredentialCreationOptionsJSON: give it to PublicKeyCredential.parseCreationOptionsFromJSON(). */
export const creationOptionsSchema: JsonSchema = {
  type: 'object',
  description: 'PublicKeyCredentialCreationOptionsJSON (WebAuthn Level 3): pass it to `PublicKeyCredential.parseCreationOptionsFromJSON()`, then to `navigator.credentials.create({ publicKey })`.',
  properties: {
    challenge: { type: 'string' },
    rp: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] },
    user: {
      type: 'object',
      properties: { id: { type: 'string', description: 'The account’s opaque handle, base64url: not the e-mail.' }, name: { type: 'string' }, displayName: { type: 'string' } },
      required: ['id', 'name', 'displayName'],
    },
    pubKeyCredParams: { type: 'array', items: { type: 'object', properties: { type: { const: 'public-key' }, alg: { type: 'integer' } }, required: ['type', 'alg'] } },
    timeout: { type: 'integer' },
    excludeCredentials: descriptorList,
    authenticatorSelection: { type: 'object', properties: { residentKey: { const: 'required' }, userVerification: { const: 'required' } } },
    attestation: { type: 'string' },
  },
  required: ['challenge', 'rp', 'user', 'pubKeyCredParams', 'excludeCredentials', 'authenticatorSelection'],
};

/** PublicKeyCredentialRequestOptionsJSON: give it to PublicKeyCredential.parseRequestOptionsFromJSON(). */
export const requestOptionsSchema: JsonSchema = {
  type: 'object',
  description: 'PublicKeyCredentialRequestOptionsJSON (WebAuthn Level 3): pass it to `PublicKeyCredential.parseRequestOptionsFromJSON()`, then to `navigator.credentials.get({ publicKey })`.',
  properties: {
    challenge: { type: 'string' },
    rpId: { type: 'string' },
    timeout: { type: 'integer' },
    userVerification: { const: 'required' },
    allowCredentials: descriptorList,
  },
  required: ['challenge', 'rpId', 'userVerification'],
};

export const passkeySchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'The credential id, base64url.' },
    name: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    lastUsedAt: { type: ['string', 'null'], format: 'date-time', description: 'The last login with it; null before any.' },
    backedUp: { type: 'boolean', description: 'Synced (a multi-device passkey that is backed up), as the authenticator said last.' },
  },
  required: ['id', 'name', 'createdAt', 'lastUsedAt', 'backedUp'],
  additionalProperties: false,
};

export const passkeyListSchema: JsonSchema = { type: 'array', items: passkeySchema };
