import { EMAIL_FIELD, PASSWORD_FIELD } from './credentials-schema.js';
import type { JsonSchema } from './json-schema.js';
import { CODE_FIELD } from './mfa-schemas.js';

export interface EmailChangeBody {
  readonly newEmail: string;
  readonly currentPassword: string;
  readonly code?: string;
}

/** The re-authentication rule's fields, and the address to move to. */
export const emailChangeSchema: JsonSchema = {
  type: 'object',
  properties: {
    newEmail: { ...EMAIL_FIELD, examples: ['ann.new@example.com'] },
    currentPassword: PASSWORD_FIELD,
    code: { ...CODE_FIELD, description: `${CODE_FIELD.description as string} Required when TOTP is on.` },
  },
  required: ['newEmail', 'currentPassword'],
  additionalProperties: false,
};
