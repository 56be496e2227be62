import { PASSWORD_FIELD } from './credentials-schema.js';
import type { JsonSchema } from './json-schema.js';

export interface ChangePasswordBody {
  readonly currentPassword: string;
  readonly newPassword: string;
}

export const changePasswordSchema: JsonSchema = {
  type: 'object',
  properties: { currentPassword: PASSWORD_FIELD, newPassword: PASSWORD_FIELD },
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
};
