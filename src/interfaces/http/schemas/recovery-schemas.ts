import { EMAIL_FIELD, PASSWORD_FIELD } from './credentials-schema.js';
import type { JsonSchema } from './json-schema.js';
import { CODE_FIELD } from './mfa-schemas.js';

const TOKEN_FIELD: JsonSchema = { type: 'string', minLength: 1, maxLength: 512, description: 'The token from the mailed link (after #token=).' };

export const emailOnlySchema: JsonSchema = {
  type: 'object',
  properties: { email: EMAIL_FIELD },
  required: ['email'],
  additionalProperties: false,
};

export const resetConfirmSchema: JsonSchema = {
  type: 'object',
  properties: { token: TOKEN_FIELD, newPassword: PASSWORD_FIELD, code: { ...CODE_FIELD, description: `${CODE_FIELD.description as string} Required when the account has TOTP.` } },
  required: ['token', 'newPassword'],
  additionalProperties: false,
};

export const tokenOnlySchema: JsonSchema = {
  type: 'object',
  properties: { token: TOKEN_FIELD },
  required: ['token'],
  additionalProperties: false,
};

export const acceptedSchema: JsonSchema = {
  type: 'object',
  properties: { status: { const: 'accepted' }, detail: { type: 'string' } },
  required: ['status', 'detail'],
};
