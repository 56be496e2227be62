import type { RequestPasswordReset } from '../../../application/use-cases/request-password-reset.js';
import type { ResetPassword } from '../../../application/use-cases/reset-password.js';
import { clientOf, validatedBody } from '../app-state.js';
import { answerJson } from '../json-answer.js';
import type { RouteSpec } from '../route-spec.js';
import { acceptedSchema, emailOnlySchema, resetConfirmSchema } from '../schemas/recovery-schemas.js';
import { invalidBody, mfaRequired, problem, tooManyAttempts, unavailable } from './responses.js';

// One body whether or not the address has an account: nobody learns which addresses do.
const ACCEPTED = { status: 'accepted', detail: 'If this address has an account, a link to reset its password is on its way.' };

export function passwordResetRoute(requestReset: RequestPasswordReset): RouteSpec {
  return {
    method: 'post',
    path: '/auth/password-reset',
    operationId: 'requestPasswordReset',
    summary: 'Mail a single-use password reset link (same answer for unknown addresses)',
    tags: ['recovery'],
    body: emailOnlySchema,
    responses: {
      202: { description: 'Accepted; a link is mailed if the address is registered.', schema: acceptedSchema },
      422: invalidBody,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      await requestReset.execute({ email: validatedBody<{ email: string }>(ctx).email, ip: clientOf(ctx).ip });
      answerJson(ctx, 202, ACCEPTED);
    },
  };
}

export function passwordResetConfirmRoute(resetPassword: ResetPassword): RouteSpec {
  return {
    method: 'post',
    path: '/auth/password-reset/confirm',
    operationId: 'confirmPasswordReset',
    summary: 'Set a new password with the token from a reset link; every session ends',
    tags: ['recovery'],
    body: resetConfirmSchema,
    responses: {
      204: { description: 'The password is changed; every session has ended.' },
      400: problem('The link was already used, has expired, was superseded by a newer one, or is unknown.'),
      401: problem('The account has TOTP and the code is wrong or was used already; the link still works.'),
      403: mfaRequired('The account has TOTP: send `code` too (`mfa-required`, with `methods`); the link still works.'),
      422: invalidBody,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      await resetPassword.execute({ ...validatedBody<{ token: string; newPassword: string; code?: string }>(ctx), ...clientOf(ctx) });
      ctx.status = 204;
    },
  };
}
