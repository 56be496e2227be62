import type { JsonSchema } from './json-schema.js';

export interface RefreshTokenBody {
  readonly refreshToken: string;
}

export const refreshTokenBodySchema: JsonSchema = {
  type: 'object',
  properties: {
    // Our tokens are 43 characters; the cap only bounds work on hostile input.
    refreshToken: { type: 'string', minLength: 1, maxLength: 512, examples: ['Q51DltSCv1DsMvJLciksJ_ymlb7u4kYupUZLvxhuf88'] },
  },
  required: ['refreshToken'],
  additionalProperties: false,
};
