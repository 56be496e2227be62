import { PASSWORD_FIELD } from './credentials-schema.js';
import type { JsonSchema } from './json-schema.js';
import { CODE_FIELD } from './mfa-schemas.js';

export interface ChangePasswordBody {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly code?: string;
}

export const changePasswordSchema: JsonSchema = {
  type: 'object',
  properties: { currentPassword: PASSWORD_FIELD, newPassword: PASSWORD_FIELD, code: { ...CODE_FIELD, description: `${CODE_FIELD.description as string} Required when TOTP is on.` } },
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
};
