import type { RequestEmailVerification } from '../../../application/use-cases/request-email-verification.js';
import type { VerifyEmail } from '../../../application/use-cases/verify-email.js';
import { clientOf, validatedBody } from '../app-state.js';
import { answerJson } from '../json-answer.js';
import type { RouteSpec } from '../route-spec.js';
import { acceptedSchema, tokenOnlySchema } from '../schemas/recovery-schemas.js';
import { invalidAccessToken, invalidBody, problem, tooManyAttempts, unavailable } from './responses.js';

export function verifyEmailRoute(requestVerification: RequestEmailVerification): RouteSpec {
  return {
    method: 'post',
    path: '/auth/verify-email',
    operationId: 'requestEmailVerification',
    summary: 'Mail a link that verifies the caller’s e-mail address',
    tags: ['recovery'],
    bearer: true,
    responses: {
      202: { description: 'Accepted; the link is on its way (nothing is sent to an address already verified).', schema: acceptedSchema },
      401: invalidAccessToken,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      await requestVerification.execute({ userId: ctx.state.principal!.userId, ip: clientOf(ctx).ip });
      answerJson(ctx, 202, { status: 'accepted', detail: 'A verification link is on its way to your address.' });
    },
  };
}

export function verifyEmailConfirmRoute(verifyEmail: VerifyEmail): RouteSpec {
  return {
    method: 'post',
    path: '/auth/verify-email/confirm',
    operationId: 'confirmEmailVerification',
    summary: 'Verify the e-mail address with the token from a verification link',
    tags: ['recovery'],
    body: tokenOnlySchema,
    responses: {
      204: { description: 'The address is verified.' },
      400: problem('The link was already used, has expired, was superseded by a newer one, or is unknown.'),
      422: invalidBody,
      503: unavailable,
    },
    handler: async (ctx) => {
      await verifyEmail.execute(validatedBody<{ token: string }>(ctx));
      ctx.status = 204;
    },
  };
}
