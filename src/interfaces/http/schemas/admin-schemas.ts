import { EMAIL_FIELD, PASSWORD_FIELD } from './credentials-schema.js';
import type { JsonSchema } from './json-schema.js';

const instant = { type: 'string', format: 'date-time' } as const;
const instantOrNull = { type: ['string', 'null'], format: 'date-time' } as const;

/** An account as the admin API shows it. */
export const adminUserSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: 'string', format: 'email' },
    emailVerified: { type: 'boolean' },
    mfaEnabled: { type: 'boolean' },
    createdAt: instant,
    disabledAt: { ...instantOrNull, description: 'When an administrator disabled the account; null: it is enabled.' },
    lastLoginAt: { ...instantOrNull, description: 'The latest successful login; null: never since this was recorded.' },
  },
  required: ['id', 'email', 'emailVerified', 'mfaEnabled', 'createdAt', 'disabledAt', 'lastLoginAt'],
  additionalProperties: false,
};

export const adminUserPageSchema: JsonSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', items: adminUserSchema },
    nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page.' },
  },
  required: ['items', 'nextCursor'],
  additionalProperties: false,
};

export interface CreateUserBody {
  readonly email: string;
  readonly password: string;
  readonly emailVerified?: boolean;
}

export const createUserSchema: JsonSchema = {
  type: 'object',
  properties: { email: EMAIL_FIELD, password: PASSWORD_FIELD, emailVerified: { type: 'boolean', default: false } },
  required: ['email', 'password'],
  additionalProperties: false,
};

/** An audit event as GET /admin/audit-events shows it: never a secret, never an address. */
export const auditEventSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    at: instant,
    type: { type: 'string', description: 'One of the types in docs/admin.md "Audit log".' },
    userId: { type: ['string', 'null'], description: 'The account; null for a failed login with an unknown address.' },
    sessionId: { type: ['string', 'null'] },
    ip: { type: ['string', 'null'] },
    userAgent: { type: ['string', 'null'] },
    requestId: { type: ['string', 'null'], description: 'The X-Request-Id of the request that caused it.' },
    details: { type: 'object', description: 'Small, typed per event type (docs/admin.md).' },
  },
  required: ['id', 'at', 'type', 'userId', 'sessionId', 'ip', 'userAgent', 'requestId', 'details'],
  additionalProperties: false,
};

export const auditEventPageSchema: JsonSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', items: auditEventSchema },
    nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next (older) page; null on the last page.' },
  },
  required: ['items', 'nextCursor'],
  additionalProperties: false,
};
