import type * as domainErrors from '../../domain/errors.js';
import { DependencyUnavailable, HashingBusy, InvalidInput, MfaRequired, TooManyAttempts, type DomainError } from '../../domain/errors.js';
import type * as httpErrors from './http-errors.js';
import { ClientHttpError, MethodNotAllowed, RequestValidationFailed, type FieldError, type HttpRefusal } from './http-errors.js';

export type KnownError = DomainError | HttpRefusal;

// The literal `code` of every concrete error class the two modules export (abstract bases
// declare `code: string` and drop out): the keys the table must have, no more, no fewer.
type CodeOf<I> = I extends { readonly code: infer C } ? (string extends C ? never : C) : never;
type CodesOf<M> = { [K in keyof M]: M[K] extends abstract new (...args: never) => infer I ? CodeOf<I> : never }[keyof M];
export type ProblemCode = CodesOf<typeof domainErrors> | CodesOf<typeof httpErrors>;

export interface ProblemKind {
  readonly status: number | ((error: KnownError) => number);
  readonly title: string;
  /** RFC 9457 §4.2.1: "about:blank" where the HTTP status says it all. */
  readonly type: string;
  readonly headers?: (error: KnownError) => Record<string, string>;
  readonly errors?: (error: KnownError) => readonly FieldError[];
  /** RFC 9457 §3.2 extension members the problem type defines (e.g. `mfaToken`, `methods`). */
  readonly members?: (error: KnownError) => Readonly<Record<string, unknown>>;
}

const problemType = (slug: string) => `urn:auth-service:problem:${slug}`;
const RETRY_AFTER_S = 5;

const fieldErrors = (error: KnownError): readonly FieldError[] =>
  error instanceof RequestValidationFailed
    ? error.errors
    : error instanceof InvalidInput
      ? error.violations.map((v) => ({ pointer: `/${v.field}`, code: v.code, message: v.message }))
      : [];

const validation: ProblemKind = {
  status: 422,
  title: 'The request is not valid',
  type: problemType('validation'),
  errors: fieldErrors,
};

/** The one table from error code to answer: an error class without a row does not compile. */
export const problemMap: Readonly<Record<ProblemCode, ProblemKind>> = {
  invalid_email: validation,
  password_policy: validation,
  request_validation_failed: validation,
  email_already_registered: { status: 409, title: 'E-mail already registered', type: problemType('email-already-registered') },
  invalid_credentials: { status: 401, title: 'Invalid credentials', type: problemType('invalid-credentials') },
  invalid_access_token: {
    status: 401,
    title: 'Invalid access token',
    type: problemType('invalid-access-token'),
    // RFC 6750 §3: tell the client to get a new token.
    headers: () => ({ 'WWW-Authenticate': 'Bearer error="invalid_token"' }),
  },
  invalid_refresh_token: { status: 401, title: 'Invalid refresh token', type: problemType('invalid-refresh-token'), headers: () => ({ 'WWW-Authenticate': 'Bearer error="invalid_token"' }) },
  invalid_recovery_token: { status: 400, title: 'Invalid or expired link', type: problemType('invalid-recovery-token') },
  mfa_required: {
    status: 403,
    title: 'Second factor required',
    type: problemType('mfa-required'),
    members: (error) => {
      const { methods, mfaToken } = error as MfaRequired;
      return { ...(mfaToken ? { mfaToken } : {}), methods };
    },
  },
  invalid_second_factor: { status: 401, title: 'Invalid second factor', type: problemType('invalid-second-factor') },
  totp_already_enabled: { status: 409, title: 'Authenticator app already set up', type: problemType('totp-already-enabled') },
  no_totp_to_confirm: { status: 409, title: 'Nothing to confirm', type: problemType('no-totp-to-confirm') },
  no_second_factor: { status: 409, title: 'No second factor', type: problemType('no-second-factor') },
  passkey_rejected: { status: 400, title: 'Passkey not accepted', type: problemType('passkey-rejected') },
  passkey_already_registered: { status: 409, title: 'Passkey already registered', type: problemType('passkey-already-registered') },
  invalid_passkey: { status: 401, title: 'Invalid passkey', type: problemType('invalid-passkey') },
  passkey_not_found: { status: 404, title: 'Passkey not found', type: problemType('passkey-not-found') },
  account_disabled: { status: 403, title: 'Account disabled', type: problemType('account-disabled') },
  user_not_found: { status: 404, title: 'User not found', type: problemType('user-not-found') },
  invalid_page_request: validation,
  // ADMIN_API_KEY missing or wrong: one answer; user access tokens never reach the admin API.
  admin_key_required: { status: 401, title: 'Unauthorized', type: 'about:blank', headers: () => ({ 'WWW-Authenticate': 'Bearer realm="admin"' }) },
  email_not_verified: { status: 403, title: 'E-mail address not verified', type: problemType('email-not-verified') },
  session_not_found: { status: 404, title: 'Session not found', type: problemType('session-not-found') },
  too_many_attempts: {
    status: 429,
    title: 'Too many attempts',
    type: problemType('too-many-attempts'),
    headers: (error) => ({ 'Retry-After': String((error as TooManyAttempts).retryAfterSeconds) }),
  },
  dependency_unavailable: {
    status: 503,
    title: 'Service unavailable',
    type: problemType('dependency-unavailable'),
    headers: (error) => ({ 'Retry-After': String((error as DependencyUnavailable).retryAfterSeconds ?? RETRY_AFTER_S) }),
  },
  hashing_busy: {
    status: 503,
    title: 'Service unavailable',
    type: problemType('hashing-busy'),
    headers: (error) => ({ 'Retry-After': String((error as HashingBusy).retryAfterSeconds) }),
  },
  request_timeout: {
    status: 503,
    title: 'Service unavailable',
    type: problemType('request-timeout'),
    headers: () => ({ 'Retry-After': String(RETRY_AFTER_S) }),
  },
  malformed_json: { status: 400, title: 'Bad Request', type: 'about:blank' },
  payload_too_large: { status: 413, title: 'Content Too Large', type: 'about:blank' },
  unsupported_media_type: { status: 415, title: 'Unsupported Media Type', type: 'about:blank' },
  route_not_found: { status: 404, title: 'Not Found', type: 'about:blank' },
  method_not_allowed: {
    status: 405,
    title: 'Method Not Allowed',
    type: 'about:blank',
    headers: (error) => ({ Allow: (error as MethodNotAllowed).allow.join(', ') }),
  },
  client_error: { status: (error) => (error as ClientHttpError).status, title: 'Bad Request', type: 'about:blank' },
  // RFC 6750 §3 challenge, one for a missing and a wrong token: a scraper has nothing to refresh.
  metrics_token_required: { status: 401, title: 'Unauthorized', type: 'about:blank', headers: () => ({ 'WWW-Authenticate': 'Bearer realm="metrics"' }) },
};

/** The row of a thrown refusal; undefined for a code no class declares (an unknown error). */
export function problemKindOf(error: KnownError): ProblemKind | undefined {
  return Object.hasOwn(problemMap, error.code) ? problemMap[error.code as ProblemCode] : undefined;
}
