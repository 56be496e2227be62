import type { JsonSchema } from './json-schema.js';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

// Generous caps that only bound the work done on hostile input; the domain's own rules
// (254 bytes of UTF-8 address, 72 bytes of password) answer with the precise reason.
export const EMAIL_FIELD: JsonSchema = { type: 'string', minLength: 1, maxLength: 320, examples: ['ann@example.com'] };
export const PASSWORD_FIELD: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 1024,
  examples: ['correct horse battery staple'],
};

export const credentialsSchema: JsonSchema = {
  type: 'object',
  properties: { email: EMAIL_FIELD, password: PASSWORD_FIELD },
  required: ['email', 'password'],
  additionalProperties: false,
};
