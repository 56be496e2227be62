import type { JsonSchema } from './json-schema.js';

export const userSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: 'string', format: 'email' },
    emailVerified: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'email', 'emailVerified', 'createdAt'],
  additionalProperties: false,
};

/** GET /users/me adds when the address was verified (null until it is) and whether TOTP is on. */
export const currentUserSchema: JsonSchema = {
  ...userSchema,
  properties: {
    ...(userSchema.properties as object),
    emailVerifiedAt: { type: ['string', 'null'], format: 'date-time' },
    mfaEnabled: { type: 'boolean', description: 'A second factor (TOTP) guards the account: its login has a second step.' },
  },
  required: [...(userSchema.required as string[]), 'emailVerifiedAt', 'mfaEnabled'],
};
