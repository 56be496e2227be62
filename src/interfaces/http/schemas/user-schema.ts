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

/** GET /users/me adds when the address was verified (null until it is). */
export const currentUserSchema: JsonSchema = {
  ...userSchema,
  properties: { ...(userSchema.properties as object), emailVerifiedAt: { type: ['string', 'null'], format: 'date-time' } },
  required: [...(userSchema.required as string[]), 'emailVerifiedAt'],
};
