import { PASSWORD_FIELD } from './credentials-schema.js';
import { authenticationResponseSchema } from './passkey-schemas.js';
import type { JsonSchema } from './json-schema.js';
import { problemSchema } from './problem-schema.js';

// Generous caps that only bound the work done on hostile input: a wrong shape is a wrong code.
export const CODE_FIELD: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  description: 'The 6-digit code the authenticator app shows, or one of the recovery codes.',
  examples: ['123456'],
};
const TOTP_CODE_FIELD: JsonSchema = { type: 'string', minLength: 1, maxLength: 16, description: 'The 6-digit code the authenticator app shows.', examples: ['123456'] };
const RECOVERY_CODE_FIELD: JsonSchema = { type: 'string', minLength: 1, maxLength: 64, description: 'One of the recovery codes, dashes optional.', examples: ['ABCD-EFGH-IJKL-MNOP-QRST-UVWX'] };
const MFA_TOKEN_FIELD: JsonSchema = { type: 'string', minLength: 1, maxLength: 512, description: 'The `mfaToken` of the 403 `mfa-required` answer to POST /auth/login.' };

export interface PasswordOnlyBody {
  readonly currentPassword: string;
}

export const currentPasswordSchema: JsonSchema = {
  type: 'object',
  properties: { currentPassword: PASSWORD_FIELD },
  required: ['currentPassword'],
  additionalProperties: false,
};

export interface ReauthenticationBody {
  readonly currentPassword: string;
  readonly code?: string;
}

/** The re-authentication rule: the current password, and `code` when the account has TOTP. */
export const reauthenticationSchema: JsonSchema = {
  type: 'object',
  properties: { currentPassword: PASSWORD_FIELD, code: { ...CODE_FIELD, description: `${CODE_FIELD.description as string} Required when TOTP is on.` } },
  required: ['currentPassword'],
  additionalProperties: false,
};

export const codeOnlySchema: JsonSchema = {
  type: 'object',
  properties: { code: TOTP_CODE_FIELD },
  required: ['code'],
  additionalProperties: false,
};

export interface MfaLoginBody {
  readonly mfaToken: string;
  readonly code?: string;
  readonly recoveryCode?: string;
  readonly passkey?: unknown;
}

export const mfaLoginSchema: JsonSchema = {
  type: 'object',
  properties: { mfaToken: MFA_TOKEN_FIELD, code: TOTP_CODE_FIELD, recoveryCode: RECOVERY_CODE_FIELD, passkey: authenticationResponseSchema },
  required: ['mfaToken'],
  examples: [{ mfaToken: 'the mfaToken of the 403 answer to POST /auth/login', code: '123456' }],
  // Exactly one proof: which it is must not be a guess.
  oneOf: [
    { properties: { code: TOTP_CODE_FIELD }, required: ['code'] },
    { properties: { recoveryCode: RECOVERY_CODE_FIELD }, required: ['recoveryCode'] },
    { properties: { passkey: authenticationResponseSchema }, required: ['passkey'] },
  ],
  additionalProperties: false,
};

export const mfaTokenOnlySchema: JsonSchema = {
  type: 'object',
  properties: { mfaToken: MFA_TOKEN_FIELD },
  required: ['mfaToken'],
  additionalProperties: false,
};

export const totpEnrolmentSchema: JsonSchema = {
  type: 'object',
  properties: {
    secret: { type: 'string', description: 'The TOTP secret, base32, for an app that cannot read the URI.', examples: ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'] },
    otpauthUri: { type: 'string', description: 'Show it as a QR code for the authenticator app to scan.', examples: ['otpauth://totp/auth-service:ann%40example.com?issuer=auth-service&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30'] },
  },
  required: ['secret', 'otpauthUri'],
  additionalProperties: false,
};

export const recoveryCodesSchema: JsonSchema = {
  type: 'object',
  properties: {
    recoveryCodes: {
      type: 'array',
      items: { type: 'string', examples: ['ABCD-EFGH-IJKL-MNOP-QRST-UVWX'] },
      minItems: 10,
      maxItems: 10,
      description: 'Shown this once: each logs in once without the app. Keep them apart from the device.',
    },
  },
  required: ['recoveryCodes'],
  additionalProperties: false,
};

/** A 403 that may be `mfa-required`: then with `methods`, and `mfaToken` after a right password. */
export const mfaRequiredProblemSchema: JsonSchema = {
  ...problemSchema,
  properties: {
    ...(problemSchema.properties as object),
    mfaToken: { type: 'string', description: 'Single-use, 5 minutes: send it with a code to POST /auth/login/mfa.' },
    methods: { type: 'array', items: { type: 'string', enum: ['totp', 'recovery_code', 'passkey'] }, examples: [['totp', 'recovery_code'], ['totp', 'recovery_code', 'passkey']] },
  },
};
